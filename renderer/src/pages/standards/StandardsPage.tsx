export function StandardsPage(_props: { customerId?: string }) {
  return null
}
