/**
 * An import's preview: the file as read, its columns and the fields they fill (a change checks every row
 * again), what the commit would do, the rejected rows with their reasons, and the first rows as written.
 */
import { CheckOutlined, SaveOutlined } from '@ant-design/icons'
import type { ColDef } from 'ag-grid-community'
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportCounts, ImportPreview, SavedDocument } from '../../../../electron/api/contract'
import { useSavedFileNotice } from '../../components/ExportButton'
import { Grid } from '../../components/Grid'
import { useFormat } from '../../format'
import { columnLetter, fieldLabel, reasonsText } from './labels'

type Column = ImportPreview['columns'][number]
type Rejected = ImportPreview['rejected'][number]
type Sample = ImportPreview['sample'][number]

/** Yes/no fields, which the sample gives as 1 and 0. */
const BOOLEAN_FIELDS = new Set(['hasPbx'])

const ACTION_COLOURS = { new: 'green', update: 'blue', unchanged: 'default' } as const

/** The counts in the order a reader takes them, each with its colour when it is not zero. */
const COUNTS: { key: keyof ImportCounts; label: string; colour?: string }[] = [
  { key: 'read', label: 'read' },
  { key: 'imported', label: 'imported', colour: '#389e0d' },
  { key: 'updated', label: 'updated', colour: '#1456a0' },
  { key: 'unchanged', label: 'unchanged' },
  { key: 'skippedBlank', label: 'skippedBlank' },
  { key: 'rejected', label: 'rejected', colour: '#cf1322' },
]

export function CountRow({ counts, testId }: { counts: ImportCounts; testId: string }) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <Space size={32} wrap data-testid={testId}>
      {COUNTS.map(({ key, label, colour }) => (
        <Statistic
          key={key}
          title={t(`transfer.counts.${label}`)}
          value={counts[key]}
          formatter={(value) => format.count(Number(value))}
          styles={{ content: colour && counts[key] > 0 ? { color: colour } : {} }}
          data-testid={`${testId}-${key}`}
        />
      ))}
    </Space>
  )
}

/** The rejected rows: row number in the file and every reason, each prefixed with its field. */
export function RejectedGrid({
  kind,
  rows,
  height,
}: {
  kind: ImportPreview['kind']
  rows: Rejected[]
  height: number
}) {
  const { t } = useTranslation()
  const columns = useMemo<ColDef<Rejected>[]>(
    () => [
      { field: 'row', headerName: t('transfer.rejected.row'), width: 90, type: 'rightAligned' },
      {
        colId: 'reasons',
        headerName: t('transfer.rejected.reasons'),
        flex: 1,
        wrapText: true,
        autoHeight: true,
        cellStyle: { lineHeight: '20px', paddingTop: 6, paddingBottom: 6 },
        valueGetter: ({ data }) => (data ? reasonsText(t, kind, data.reasons) : ''),
        tooltipValueGetter: ({ value }) => String(value ?? ''),
      },
    ],
    [t, kind],
  )
  return (
    <div style={{ height }} data-testid="import-rejected">
      <Grid<Rejected>
        rowData={rows}
        columnDefs={columns}
        getRowId={({ data }) => String(data.row)}
        overlayNoRowsTemplate={t('transfer.rejected.none')}
      />
    </div>
  )
}

interface Props {
  preview: ImportPreview
  readOnly: boolean
  /** A commit is under way: nothing can change. */
  writing: boolean
  /** The operator changed the mapping. */
  remapped: boolean
  onRemap: (mapping: (string | null)[]) => Promise<void>
  onCommit: () => void
  onSaveRejected: () => Promise<SavedDocument | null>
}

export function PreviewView(props: Props) {
  const { preview, readOnly, writing, remapped, onRemap, onCommit, onSaveRejected } = props
  const { t } = useTranslation()
  const format = useFormat()
  const { kind, counts } = preview
  const toWrite = counts.imported + counts.updated
  const label = (key: string) => fieldLabel(t, kind, key)
  const mapped = new Set(preview.columns.map((column) => column.field).filter(Boolean))
  const missing = preview.fields.filter((field) => field.required && !mapped.has(field.key))

  const encoding = preview.encoding
    ? t(`transfer.import.encodings.${preview.encoding}`, { defaultValue: preview.encoding })
    : null
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12} data-testid="import-preview">
      <Card size="small" title={t('transfer.import.previewTitle')}>
        <Space orientation="vertical" style={{ width: '100%' }} size={12}>
          <Descriptions
            size="small"
            bordered
            column={4}
            data-testid="import-file"
            items={[
              { key: 'file', label: t('transfer.import.file'), children: preview.fileName },
              ...(preview.sheetName !== null
                ? [{ key: 'sheet', label: t('transfer.import.sheet'), children: preview.sheetName }]
                : []),
              ...(encoding !== null
                ? [{ key: 'encoding', label: t('transfer.import.encoding'), children: encoding }]
                : []),
              {
                key: 'header',
                label: t('transfer.import.headerRow'),
                children: t('transfer.import.headerRowValue', { row: format.count(preview.headerRow) }),
              },
            ]}
          />
          <CountRow counts={counts} testId="import-counts" />
          <Space wrap>
            <Button
              type="primary"
              icon={<CheckOutlined />}
              disabled={readOnly || writing || toWrite === 0}
              loading={writing}
              onClick={onCommit}
              data-testid="import-commit"
            >
              {toWrite === 0
                ? t('transfer.import.commitNone')
                : t('transfer.import.commit', { count: toWrite, formatted: format.count(toWrite) })}
            </Button>
            <SaveRejectedButton disabled={counts.rejected === 0 || writing} onSave={onSaveRejected} />
            <Typography.Text type="secondary">
              {t('transfer.import.commitHint', { count: counts.rejected })}
            </Typography.Text>
          </Space>
        </Space>
      </Card>
      <Row gutter={12}>
        <Col xs={24} xl={10}>
          <Card
            size="small"
            title={t('transfer.mapping.title')}
            extra={<Typography.Text type="secondary">{t('transfer.mapping.requiredMark')}</Typography.Text>}
          >
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Alert
                type={preview.mappingRemembered ? 'success' : 'info'}
                showIcon
                title={t(
                  preview.mappingRemembered
                    ? 'transfer.mapping.remembered'
                    : remapped
                      ? 'transfer.mapping.edited'
                      : 'transfer.mapping.guessed',
                )}
                data-testid="import-mapping-source"
              />
              {missing.length > 0 && (
                <Alert
                  type="error"
                  showIcon
                  title={t('transfer.mapping.missing', {
                    fields: missing.map((field) => label(field.key)).join(t('transfer.listSeparator')),
                  })}
                  data-testid="import-mapping-missing"
                />
              )}
              <MappingTable preview={preview} disabled={readOnly || writing} onRemap={onRemap} />
            </Space>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" style={{ width: '100%' }} size={12}>
            <Card
              size="small"
              title={t('transfer.rejected.title', {
                count: counts.rejected,
                formatted: format.count(counts.rejected),
              })}
            >
              <Space orientation="vertical" style={{ width: '100%' }}>
                {counts.rejected > preview.rejected.length && (
                  <Typography.Text type="secondary">
                    {t('transfer.rejected.more', {
                      shown: format.count(preview.rejected.length),
                      count: format.count(counts.rejected),
                    })}
                  </Typography.Text>
                )}
                <RejectedGrid
                  kind={kind}
                  rows={preview.rejected}
                  height={Math.min(300, 44 + 46 * Math.max(preview.rejected.length, 1))}
                />
              </Space>
            </Card>
            <SampleCard preview={preview} />
          </Space>
        </Col>
      </Row>
    </Space>
  )
}

/** Each column of the file and the field it fills; a field chosen for a second column leaves the first. */
function MappingTable({
  preview,
  disabled,
  onRemap,
}: {
  preview: ImportPreview
  disabled: boolean
  onRemap: (mapping: (string | null)[]) => Promise<void>
}) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState<number | null>(null)
  const { kind } = preview
  const options = preview.fields.map((field) => ({
    value: field.key,
    label: `${fieldLabel(t, kind, field.key)}${field.required ? ' *' : ''}`,
  }))

  const change = (index: number, field: string | null) => {
    const size = Math.max(...preview.columns.map((column) => column.index)) + 1
    const mapping: (string | null)[] = Array.from({ length: size }, () => null)
    for (const column of preview.columns)
      mapping[column.index] = column.index === index ? field : column.field === field ? null : column.field
    setBusy(index)
    void onRemap(mapping).finally(() => setBusy(null))
  }

  const columns: ColumnsType<Column> = [
    {
      key: 'letter',
      title: t('transfer.mapping.column'),
      width: 56,
      render: (_, column) => <Typography.Text type="secondary">{columnLetter(column.index)}</Typography.Text>,
    },
    {
      key: 'header',
      title: t('transfer.mapping.header'),
      render: (_, column) =>
        column.header ? (
          column.header
        ) : (
          <Typography.Text type="secondary">{t('transfer.mapping.noHeader')}</Typography.Text>
        ),
    },
    {
      key: 'field',
      title: t('transfer.mapping.field'),
      width: 220,
      render: (_, column) => (
        <Select<string | null>
          size="small"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: '100%' }}
          placeholder={t('transfer.mapping.notImported')}
          aria-label={t('transfer.mapping.fieldOf', { header: column.header || columnLetter(column.index) })}
          value={column.field}
          loading={busy === column.index}
          disabled={disabled || busy !== null}
          onChange={(value) => change(column.index, value ?? null)}
          options={options}
          data-testid={`import-map-${column.index}`}
        />
      ),
    },
  ]
  return (
    <Table<Column>
      size="small"
      rowKey="index"
      pagination={false}
      columns={columns}
      dataSource={preview.columns}
      scroll={{ y: 420 }}
      data-testid="import-mapping"
    />
  )
}

/** The first rows as they would be written, with what happens to each. */
function SampleCard({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation()
  const format = useFormat()
  const { kind } = preview
  const keys = useMemo(() => {
    const inSample = new Set(preview.sample.flatMap((row) => Object.keys(row.values)))
    return [
      ...preview.fields.map((field) => field.key).filter((key) => inSample.has(key)),
      ...[...inSample].filter((key) => !preview.fields.some((field) => field.key === key)),
    ]
  }, [preview])

  const columns = useMemo<ColDef<Sample>[]>(
    () => [
      {
        field: 'row',
        headerName: t('transfer.rejected.row'),
        width: 80,
        pinned: 'left',
        type: 'rightAligned',
      },
      {
        field: 'action',
        headerName: t('transfer.sample.action'),
        width: 100,
        pinned: 'left',
        cellRenderer: ({ value }: { value: Sample['action'] }) => (
          <Tag color={ACTION_COLOURS[value]}>{t(`transfer.sample.actions.${value}`)}</Tag>
        ),
      },
      ...keys.map((key): ColDef<Sample> => ({
        colId: key,
        headerName: fieldLabel(t, kind, key),
        minWidth: 90,
        maxWidth: 320,
        valueGetter: ({ data }) => {
          const value = data?.values[key]
          if (value === null || value === undefined) return ''
          if (BOOLEAN_FIELDS.has(key)) return t(value ? 'common.yes' : 'common.no')
          if (typeof value === 'number')
            return key.endsWith('Fen') ? format.money(value) : format.count(value)
          return value
        },
        tooltipValueGetter: ({ value }) => String(value ?? ''),
      })),
    ],
    [t, kind, keys, format],
  )
  return (
    <Card
      size="small"
      title={t('transfer.sample.title', { count: preview.sample.length })}
      extra={<Typography.Text type="secondary">{t('transfer.sample.hint')}</Typography.Text>}
    >
      <div
        style={{ height: Math.min(320, 44 + 34 * Math.max(preview.sample.length, 1)) }}
        data-testid="import-sample"
      >
        <Grid<Sample>
          rowData={preview.sample}
          columnDefs={columns}
          getRowId={({ data }) => String(data.row)}
          overlayNoRowsTemplate={t('transfer.sample.none')}
          // Each column as wide as its values (a name, an amount), within limits.
          autoSizeStrategy={{ type: 'fitCellContents' }}
          // Twenty rows at most: every column rendered, so that each is sized.
          suppressColumnVirtualisation
        />
      </div>
    </Card>
  )
}

/** Saves the rejected rows, with their reasons, as a file to fix and import again; then offers to open it. */
export function SaveRejectedButton({
  disabled,
  onSave,
}: {
  disabled: boolean
  onSave: () => Promise<SavedDocument | null>
}) {
  const { t } = useTranslation()
  const notice = useSavedFileNotice()
  const [busy, setBusy] = useState(false)
  const save = () => {
    setBusy(true)
    onSave()
      .then((saved) => saved && notice(t('transfer.rejected.saved'), saved))
      .finally(() => setBusy(false))
  }
  return (
    <Button
      icon={<SaveOutlined />}
      disabled={disabled}
      loading={busy}
      onClick={save}
      data-testid="import-save-rejected"
    >
      {t('transfer.rejected.save')}
    </Button>
  )
}
