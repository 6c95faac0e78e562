/** Form parts the SLA editors share: the customer (searched in SQL as one types), its circuits, amounts. */
import { Form, InputNumber, Select, type InputNumberProps } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CircuitRecord } from '../../../../electron/api/contract'
import { call } from '../../api'
import { groupDigits, ungroupDigits } from '../../format'

interface PickerProps {
  value?: string | null
  onChange?: (value: string) => void
  disabled?: boolean
  id?: string
}

export function CustomerPicker({
  value,
  onChange,
  disabled,
  id,
  initialLabel,
}: PickerProps & { initialLabel?: string }) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [options, setOptions] = useState<{ value: string; label: string }[]>(
    value && initialLabel ? [{ value, label: initialLabel }] : [],
  )
  useEffect(() => {
    let current = true
    void call('customers.list', {
      startRow: 0,
      endRow: 30,
      quickSearch: search,
      sort: [{ colId: 'name', sort: 'asc' }],
    }).then((page) => {
      if (current)
        setOptions(page.rows.map((row) => ({ value: row.id, label: `${row.name}（${row.code}）` })))
    })
    return () => {
      current = false
    }
  }, [search])
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? undefined}
      onChange={onChange}
      disabled={disabled}
      options={options}
      placeholder={t('sla.customer')}
    />
  )
}

/** The customer's circuits; with `multiple`, a list of them (an agreement's coverage). */
export function useCircuits(customerId: string | null | undefined): CircuitRecord[] {
  const [circuits, setCircuits] = useState<CircuitRecord[]>([])
  useEffect(() => {
    if (!customerId) return
    let current = true
    void call('circuits.list', { startRow: 0, endRow: 1000, customerId }).then((page) => {
      if (current) setCircuits(page.rows)
    })
    return () => {
      current = false
    }
  }, [customerId])
  return customerId ? circuits : []
}

export function CircuitPicker({
  customerId,
  multiple,
  ...props
}: PickerProps & {
  customerId: string | null | undefined
  multiple?: boolean
  value?: string | string[] | null
}) {
  const circuits = useCircuits(customerId)
  return (
    <Select
      id={props.id}
      mode={multiple ? 'multiple' : undefined}
      value={props.value ?? undefined}
      onChange={props.onChange}
      disabled={props.disabled || !customerId}
      showSearch={{ optionFilterProp: 'label' }}
      options={circuits.map((circuit) => ({
        value: circuit.id,
        label: [circuit.number, circuit.bandwidth].filter(Boolean).join(' · '),
      }))}
    />
  )
}

/** The form's customer: hidden when the page is one customer's, locked once the record exists. */
export function CustomerField({
  fixed,
  locked,
  initialLabel,
  onChange,
}: {
  fixed: boolean
  locked?: boolean
  initialLabel?: string | undefined
  onChange?: () => void
}) {
  const { t } = useTranslation()
  return (
    <Form.Item
      name="customerId"
      label={t('sla.customer')}
      rules={[{ required: true, message: t('validation.required') }]}
      hidden={fixed}
    >
      <CustomerPicker initialLabel={initialLabel} disabled={locked} onChange={onChange} />
    </Form.Item>
  )
}

/** A circuit (or, with `multiple`, several) of the customer chosen in the same form. */
export function CircuitField({
  name,
  label,
  multiple,
  onChange,
}: {
  name: string
  label: string
  multiple?: boolean
  onChange?: (id: string) => void
}) {
  const { t } = useTranslation()
  const form = Form.useFormInstance()
  const customerId = Form.useWatch('customerId', form) as string | undefined
  return (
    <Form.Item
      name={name}
      label={label}
      rules={multiple ? [] : [{ required: true, message: t('validation.required') }]}
    >
      <CircuitPicker multiple={multiple} customerId={customerId} onChange={onChange} />
    </Form.Item>
  )
}

/** An amount typed in yuan with thousands separators (the page converts to fen when it saves). */
export function YuanInput(props: InputNumberProps<number>) {
  return (
    <InputNumber<number>
      min={0}
      precision={2}
      prefix="¥"
      style={{ width: 180 }}
      formatter={groupDigits}
      parser={(text) => Number(ungroupDigits(text))}
      {...props}
    />
  )
}

/** Which record a tab is editing ('new' for one being added), and a count that moves on each save. */
export function useEditing<T>() {
  const [editing, setEditing] = useState<T | 'new' | null>(null)
  const [reloads, setReloads] = useState(0)
  return {
    editing,
    current: editing === 'new' ? null : editing,
    open: setEditing,
    close: () => setEditing(null),
    saved: () => {
      setEditing(null)
      setReloads((n) => n + 1)
    },
    reloads,
  }
}
