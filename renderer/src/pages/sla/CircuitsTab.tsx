/** Circuits (专线): number, product, bandwidth, ends, fees, status, opening date. */
import type { ColDef } from 'ag-grid-community'
import { DatePicker, Form, Input, Select, Space } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { CircuitRecord } from '../../../../electron/api/contract'
import { CIRCUIT_STATUSES, type CircuitSave } from '../../../../electron/api/schemas'
import { call } from '../../api'
import type { PageRequest } from '../../components/PagedGrid'
import { fenToYuan, useFormat, yuanToFen } from '../../format'
import { label, offered, useSession } from '../../session'
import { columnMakers } from './columns'
import { ListPage } from './ListPage'
import { CustomerField, useEditing, YuanInput } from './pickers'
import { RecordModal } from './RecordModal'

type CircuitValues = Omit<CircuitSave, 'openedOn' | 'standardFeeFen' | 'monthlyFeeFen'> & {
  openedOn: Dayjs | null
  standardFeeYuan: number | null
  monthlyFeeYuan: number | null
}

function toValues(circuit: CircuitRecord | null, customerId?: string): Partial<CircuitValues> {
  if (!circuit) return { status: 'active', customerId }
  return {
    ...circuit,
    openedOn: circuit.openedOn ? dayjs(circuit.openedOn) : null,
    standardFeeYuan: fenToYuan(circuit.standardFeeFen),
    monthlyFeeYuan: fenToYuan(circuit.monthlyFeeFen),
  }
}

function toInput(
  { openedOn, standardFeeYuan, monthlyFeeYuan, ...values }: CircuitValues,
  circuit: CircuitRecord | null,
) {
  return {
    ...values,
    ...(circuit && { id: circuit.id, version: circuit.version }),
    openedOn: openedOn ? openedOn.format('YYYY-MM-DD') : null,
    standardFeeFen: yuanToFen(standardFeeYuan),
    monthlyFeeFen: yuanToFen(monthlyFeeYuan),
  }
}

/** Contract paths that differ from the form's: fees are typed in yuan. */
function fieldName(path: string): string[] {
  return [{ standardFeeFen: 'standardFeeYuan', monthlyFeeFen: 'monthlyFeeYuan' }[path] ?? path]
}

export function CircuitsTab({ customerId }: { customerId?: string }) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const { lookups } = useSession()
  const editor = useEditing<CircuitRecord>()
  const { current, reloads } = editor

  const columns = useMemo<ColDef<CircuitRecord>[]>(() => {
    const col = columnMakers<CircuitRecord>(t, format)
    const product = (id: string) =>
      label(
        lookups.products.find((entry) => entry.id === id),
        i18n.language,
      )
    return [
      col.text('number', t('sla.circuits.number'), { width: 170, sortable: true, pinned: 'left' }),
      ...(customerId
        ? []
        : [col.text('customerName', t('sla.customer'), { flex: 1, minWidth: 180, sortable: true })]),
      {
        colId: 'productId',
        headerName: t('sla.circuits.product'),
        width: 150,
        valueGetter: ({ data }) => data && product(data.productId),
      },
      col.text('bandwidth', t('sla.circuits.bandwidth'), { width: 90 }),
      col.text('aEnd', t('sla.circuits.aEnd'), { flex: 1, minWidth: 160 }),
      col.text('zEnd', t('sla.circuits.zEnd'), { width: 150 }),
      col.status('status', 'circuitStatus', t('sla.circuits.status'), { sortable: true, width: 100 }),
      col.date('openedOn', t('sla.circuits.openedOn'), { sortable: true }),
      col.money('standardFeeFen', t('sla.circuits.standardFee')),
      col.money('monthlyFeeFen', t('sla.circuits.monthlyFee'), { sortable: true }),
      col.text('agreementNumber', t('sla.circuits.agreement'), { width: 150 }),
    ]
  }, [t, format, lookups.products, i18n.language, customerId])

  // The list request for a page: the grid's, and an export's (less paging).
  const query = useCallback(
    (request: PageRequest & { search: string }) => ({
      ...request,
      sort: request.sort as { colId: 'number'; sort: 'asc' | 'desc' }[],
      ...(customerId && { customerId }),
    }),
    [customerId],
  )
  const load = useCallback(
    (request: PageRequest & { search: string }) => call('circuits.list', query(request)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a save asks for a new load, which reloads the grid
    [query, reloads],
  )
  const initial = useMemo(() => toValues(current, customerId), [current, customerId])

  return (
    <>
      <ListPage<CircuitRecord>
        testId="circuits-grid"
        columns={columns}
        load={load}
        exportAs={{ grid: 'circuits', query }}
        newLabel={t('sla.circuits.new')}
        onNew={() => editor.open('new')}
        onOpen={editor.open}
      />
      <RecordModal<CircuitValues, CircuitRecord>
        name="circuit"
        title={current ? current.number : t('sla.circuits.new')}
        editor={editor}
        initial={initial}
        save={(values) => call('circuits.save', toInput(values, current))}
        remove={(record) => call('circuits.delete', record)}
        fieldName={fieldName}
      >
        {() => (
          <>
            <CustomerField
              fixed={Boolean(customerId)}
              locked={Boolean(current)}
              initialLabel={current?.customerName}
            />
            <Space align="start" wrap>
              <Form.Item
                name="number"
                label={t('sla.circuits.number')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <Input style={{ width: 220 }} />
              </Form.Item>
              <Form.Item
                name="productId"
                label={t('sla.circuits.product')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <Select
                  style={{ width: 200 }}
                  options={offered(lookups.products, current?.productId).map((entry) => ({
                    value: entry.id,
                    label: label(entry, i18n.language),
                  }))}
                />
              </Form.Item>
              <Form.Item name="bandwidth" label={t('sla.circuits.bandwidth')}>
                <Input style={{ width: 100 }} placeholder="10M" />
              </Form.Item>
            </Space>
            <Form.Item name="aEnd" label={t('sla.circuits.aEnd')}>
              <Input />
            </Form.Item>
            <Form.Item name="zEnd" label={t('sla.circuits.zEnd')}>
              <Input />
            </Form.Item>
            <Space align="start" wrap>
              <Form.Item name="standardFeeYuan" label={t('sla.circuits.standardFee')}>
                <YuanInput />
              </Form.Item>
              <Form.Item name="monthlyFeeYuan" label={t('sla.circuits.monthlyFee')}>
                <YuanInput />
              </Form.Item>
            </Space>
            <Space align="start" wrap>
              <Form.Item name="status" label={t('sla.circuits.status')}>
                <Select
                  style={{ width: 140 }}
                  options={CIRCUIT_STATUSES.map((value) => ({
                    value,
                    label: t(`sla.circuitStatus.${value}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name="openedOn" label={t('sla.circuits.openedOn')}>
                <DatePicker />
              </Form.Item>
            </Space>
            <Form.Item name="notes" label={t('sla.orders.notes')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
      </RecordModal>
    </>
  )
}
