/**
 * The tier × item matrix: service items down the side, grouped by class and audience under header
 * rows; the active scheme's tiers across, highest first; each cell what that tier gets. Cells a tier
 * gets are tinted, the others greyed. Supervisors click (or press Enter on) a cell to change it.
 */
import { Table, type TableColumnsType } from 'antd'
import type { KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  ServiceItemRecord,
  StandardRecord,
  StandardsMatrix as Matrix,
  TierOption,
} from '../../../../electron/api/contract'
import { label } from '../../session'
import { cellText, groupItems } from './cells'
import './standards.css'

type Row =
  | { key: string; kind: 'group'; itemClass: ServiceItemRecord['itemClass']; title: string; hint: string }
  | { key: string; kind: 'item'; item: ServiceItemRecord }

/** Subtle tints: what a tier gets, what it does not, and the group header rows. */
export const COLOURS = { provided: '#f1f9ec', none: '#f5f5f5', group: '#e8eef6' } as const

export interface CellRef {
  item: ServiceItemRecord
  tier: TierOption
  standard: StandardRecord
}

export function StandardsMatrix({
  matrix,
  tiers,
  projector,
  onEdit,
}: {
  matrix: Matrix
  tiers: TierOption[]
  projector: boolean
  /** Given to supervisors only: without it the matrix is read-only. */
  onEdit?: (cell: CellRef) => void
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const byCell = new Map(
    matrix.standards.map((standard) => [`${standard.itemId}/${standard.tierId}`, standard]),
  )

  const rows: Row[] = groupItems(matrix.items).flatMap((group) => [
    {
      key: `${group.itemClass}/${group.audience}`,
      kind: 'group' as const,
      itemClass: group.itemClass,
      title: t('plans.standards.groupTitle', {
        itemClass: t(`plans.standards.classes.${group.itemClass}`),
        audience: t(`plans.standards.audiences.${group.audience}`),
      }),
      hint: t(`plans.standards.classHints.${group.itemClass}`),
    },
    ...group.items.map((item) => ({ key: item.id, kind: 'item' as const, item })),
  ])

  const itemName = (item: ServiceItemRecord) => (language === 'en' ? item.nameEn : item.nameZh)

  const columns: TableColumnsType<Row> = [
    {
      key: 'item',
      title: t('plans.standards.item'),
      width: projector ? 340 : 250,
      onCell: (row) =>
        row.kind === 'group'
          ? {
              colSpan: tiers.length + 1,
              className: `standards-group standards-group-${row.itemClass}`,
              style: { background: COLOURS.group },
            }
          : { className: 'standards-item' },
      render: (_, row) =>
        row.kind === 'group' ? (
          <span data-testid={`standards-group-${row.key}`}>
            {row.title}
            <span className="standards-group-hint">{row.hint}</span>
          </span>
        ) : (
          itemName(row.item)
        ),
    },
    ...tiers.map((tier): TableColumnsType<Row>[number] => ({
      key: tier.id,
      title: <span data-testid={`standards-tier-${tier.code}`}>{label(tier, language)}</span>,
      onCell: (row) => {
        if (row.kind === 'group') return { colSpan: 0 }
        const standard = byCell.get(`${row.item.id}/${tier.id}`)
        const provided = Boolean(standard?.provided)
        const className = `standards-cell ${provided ? 'standards-provided' : 'standards-none'}`
        // Inline, so that the row's hover colour does not wash out provided / not provided.
        const style = { background: provided ? COLOURS.provided : COLOURS.none }
        if (!onEdit || !standard) return { className, style }
        const edit = () => onEdit({ item: row.item, tier, standard })
        return {
          className: `${className} standards-editable`,
          style,
          role: 'button',
          tabIndex: 0,
          'aria-label': t('plans.standards.editCell', {
            item: itemName(row.item),
            tier: label(tier, language),
          }),
          onClick: edit,
          onKeyDown: (event: KeyboardEvent) => {
            if (event.key !== 'Enter' && event.key !== ' ') return
            event.preventDefault()
            edit()
          },
        }
      },
      render: (_, row) => {
        if (row.kind === 'group') return null
        const text = cellText(byCell.get(`${row.item.id}/${tier.id}`), t, language)
        return (
          <div data-testid={`standard-${row.item.code}-${tier.code}`}>
            {text ? (
              <>
                <div className="standards-main">{text.main}</div>
                {text.details.map((detail) => (
                  <div key={detail} className="standards-detail">
                    {detail}
                  </div>
                ))}
              </>
            ) : (
              <div className="standards-main" aria-label={t('plans.standards.notProvided')}>
                {t('plans.standards.none')}
              </div>
            )}
          </div>
        )
      },
    })),
  ]

  return (
    <Table<Row>
      className={`standards-matrix${projector ? ' standards-projector' : ''}`}
      bordered
      size={projector ? 'large' : 'middle'}
      tableLayout="fixed"
      pagination={false}
      columns={columns}
      dataSource={rows}
      rowKey="key"
      locale={{ emptyText: t('plans.standards.noItems') }}
    />
  )
}
