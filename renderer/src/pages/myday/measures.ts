/** My day's numbers as the page groups them, and which of them mean a deadline already missed. */
import type { MyDayMeasure } from '../../../../electron/api/contract'

/** The cards and the tables' column groups: each group's numbers, in reading order. */
export const GROUPS: {
  key: 'deliveries' | 'followUps' | 'orders' | 'agreements'
  measures: MyDayMeasure[]
}[] = [
  { key: 'deliveries', measures: ['deliveriesDue', 'deliveriesOverdue'] },
  { key: 'followUps', measures: ['followUpsDue', 'followUpsOverdue', 'issuesOpen'] },
  { key: 'orders', measures: ['ordersDueSoon', 'ordersLate'] },
  { key: 'agreements', measures: ['agreementsExpiring'] },
]

/** Numbers that mean a deadline has already been missed: red when there are any. */
export const MISSED: ReadonlySet<MyDayMeasure> = new Set([
  'deliveriesOverdue',
  'followUpsOverdue',
  'ordersLate',
])
