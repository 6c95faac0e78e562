/** Strings of the myday area (i18n key `myday`), 简体中文 and English with the same keys. */
import type { Strings } from '../strings'

export const zh = {
  title: '我的今日',
  date: '{{date}} {{weekday}}',
  scope: {
    label: '范围',
    mine: '我的客户',
    all: '全部',
    noneOwned: '您名下还没有客户，“我的客户”下的数字都为 0。',
  },
  groups: {
    deliveries: '交付',
    followUps: '回访',
    orders: '开通工单',
    agreements: 'SLA 协议',
  },
  measures: {
    deliveriesDue: '待交付',
    deliveriesOverdue: '已超期',
    followUpsDue: '待回访',
    followUpsOverdue: '已超期',
    issuesOpen: '问题未关闭',
    ordersDueSoon: '即将到期',
    ordersLate: '已超期',
    agreementsExpiring: '即将到期',
  },
  /** What each number counts, shown under it. */
  hints: {
    deliveriesDue: '尚未交付，未过期限',
    deliveriesOverdue: '尚未交付，已过期限',
    followUpsDue: '尚未回访，未过期限',
    followUpsOverdue: '尚未回访，已过期限',
    issuesOpen: '客户在回访中提出',
    ordersDueSoon: '未竣工，时限将至',
    ordersLate: '未竣工，已超时限',
    agreementsExpiring: '生效中，需续签',
  },
  windows:
    '交付和回访的期限很短，未超期的都列为待办；工单即将到期：时限在今天起 {{days}} 个工作日内；协议即将到期：{{expiryDays}} 天内到期。点击数字查看对应记录。',
  windowsUnknown: '点击数字查看对应记录。',
  allClear: '今日无待办',
  allClearHint: '没有待办的交付和回访，也没有即将到期或超期的开通工单和 SLA 协议。',
  byBranch: '各区县',
  byManager: '各客户经理',
  branch: '区县',
  manager: '客户经理',
  unassigned: '未分配',
  unknown: '（已不在名录中）',
  tableHint: {
    branch: '点击非零数字查看该区县客户的对应记录。',
    manager: '点击非零数字查看该客户经理名下客户的对应记录。',
  },
  reload: '刷新',
  /** The filter a list opened from My day carries, shown above the list. */
  filter: {
    branch: '区县：{{name}}',
    manager: '客户经理：{{name}}',
    noBranch: '未分配区县',
    noManager: '未分配客户经理',
    clear: '清除筛选',
  },
}

export const en: Strings<typeof zh> = {
  title: 'My day',
  date: '{{weekday}}, {{date}}',
  scope: {
    label: 'Scope',
    mine: 'My customers',
    all: 'All',
    noneOwned: 'You are not the account manager of any customer yet: "My customers" shows only zeros.',
  },
  groups: {
    deliveries: 'Deliveries',
    followUps: 'Follow-ups',
    orders: 'Provisioning orders',
    agreements: 'SLA agreements',
  },
  measures: {
    deliveriesDue: 'To deliver',
    deliveriesOverdue: 'Overdue',
    followUpsDue: 'To call',
    followUpsOverdue: 'Overdue',
    issuesOpen: 'Open issues',
    ordersDueSoon: 'Due soon',
    ordersLate: 'Late',
    agreementsExpiring: 'Expiring',
  },
  hints: {
    deliveriesDue: 'Not delivered, within the deadline',
    deliveriesOverdue: 'Not delivered, deadline passed',
    followUpsDue: 'Not called, within the deadline',
    followUpsOverdue: 'Not called, deadline passed',
    issuesOpen: 'Raised by customers on a call',
    ordersDueSoon: 'Not completed, time limit near',
    ordersLate: 'Not completed, past time limit',
    agreementsExpiring: 'Active, to be renewed',
  },
  windows:
    'Deliveries and follow-ups have short deadlines, so every one not yet overdue is to do; orders due soon: time limit within {{days}} working days from today; agreements expiring: ending within {{expiryDays}} days. Click a number to open its records.',
  windowsUnknown: 'Click a number to open its records.',
  allClear: 'Nothing due today',
  allClearHint:
    'No delivery or follow-up to do, and no provisioning order or SLA agreement due soon or overdue.',
  byBranch: 'By branch',
  byManager: 'By account manager',
  branch: 'Branch',
  manager: 'Account manager',
  unassigned: 'Unassigned',
  unknown: '(no longer listed)',
  tableHint: {
    branch: "Click a non-zero number to open the records of that branch's customers.",
    manager: "Click a non-zero number to open the records of that account manager's customers.",
  },
  reload: 'Refresh',
  filter: {
    branch: 'Branch: {{name}}',
    manager: 'Account manager: {{name}}',
    noBranch: 'No branch assigned',
    noManager: 'No account manager assigned',
    clear: 'Clear filter',
  },
}
