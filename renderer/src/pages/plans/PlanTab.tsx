export function PlanTab(_props: { customerId?: string }) {
  return null
}
