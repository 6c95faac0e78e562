export function ComplianceTab(_props: { customerId?: string }) {
  return null
}
