export function ActivitiesTab(_props: { customerId?: string }) {
  return null
}
