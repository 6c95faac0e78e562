export function ValueTab(_props: { customerId?: string }) {
  return null
}
