/** My day per branch or per account manager (supervisors, trainers): each non-zero count opens its records. */
import { Card, Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useTranslation } from 'react-i18next'
import type { MyDayMeasure, MyDayRow } from '../../../../electron/api/contract'
import { useFormat } from '../../format'
import { routeHash } from '../../router'
import { label, useSession } from '../../session'
import { drillDown } from './drillDown'
import { GROUPS, MISSED } from './measures'

export function Breakdown({ kind, rows }: { kind: 'branch' | 'manager'; rows: MyDayRow[] }) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const { lookups } = useSession()

  const name = (id: string | null) => {
    if (id === null) return t('myday.unassigned')
    if (kind === 'branch')
      return (
        label(
          lookups.branches.find((branch) => branch.id === id),
          i18n.language,
        ) || t('myday.unknown')
      )
    return lookups.accountManagers.find((manager) => manager.id === id)?.name ?? t('myday.unknown')
  }

  const cell = (row: MyDayRow, measure: MyDayMeasure) => {
    const key = row.id ?? 'none'
    const value = row.counts[measure]
    const testId = `myday-${kind}-${key}-${measure}`
    if (value === 0)
      return (
        <span className="myday-cell-zero" data-testid={testId}>
          {format.count(0)}
        </span>
      )
    const owner = kind === 'branch' ? { branch: key } : { manager: key }
    return (
      <a
        href={routeHash(drillDown(measure, owner))}
        className={MISSED.has(measure) ? 'myday-cell-missed' : undefined}
        data-testid={testId}
      >
        {format.count(value)}
      </a>
    )
  }

  const columns: ColumnsType<MyDayRow> = [
    {
      key: 'name',
      title: t(kind === 'branch' ? 'myday.branch' : 'myday.manager'),
      fixed: 'left',
      width: 180,
      render: (_, row) => (
        <Typography.Text type={row.id === null ? 'secondary' : undefined}>{name(row.id)}</Typography.Text>
      ),
    },
    ...GROUPS.map((group) => ({
      key: group.key,
      title: t(`myday.groups.${group.key}`),
      children: group.measures.map((measure) => ({
        key: measure,
        title: t(`myday.measures.${measure}`),
        align: 'right' as const,
        width: 110,
        render: (_: unknown, row: MyDayRow) => cell(row, measure),
      })),
    })),
  ]

  return (
    <Card
      size="small"
      title={t(kind === 'branch' ? 'myday.byBranch' : 'myday.byManager')}
      extra={<Typography.Text type="secondary">{t(`myday.tableHint.${kind}`)}</Typography.Text>}
      data-testid={`myday-by-${kind}`}
    >
      <Table<MyDayRow>
        className="myday-table"
        size="small"
        bordered
        pagination={false}
        rowKey={(row) => row.id ?? 'none'}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('myday.allClear') }}
      />
    </Card>
  )
}
