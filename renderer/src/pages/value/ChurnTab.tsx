export function ChurnTab(_props: { customerId?: string }) {
  return null
}
