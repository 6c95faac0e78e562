/**
 * A customer's value and churn (价值与流失, domain.md §1): the value assessment with its score, parts and
 * suggested tier; the monthly revenue that feeds it and the churn check; the customer's churn warnings.
 */
import { useCallback, useState } from 'react'
import { AssessmentCard } from './AssessmentCard'
import { RevenueCard } from './RevenueCard'
import { WarningsCard } from './WarningsCard'

export function ValueTab({ customerId }: { customerId?: string }) {
  // A saved month can raise a warning and moves the direct value: every card reloads.
  const [reloads, setReloads] = useState(0)
  const changed = useCallback(() => setReloads((n) => n + 1), [])
  if (!customerId) return null
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }} data-testid="value-tab">
      <AssessmentCard customerId={customerId} reloads={reloads} />
      <div style={{ display: 'flex', gap: 12, alignItems: 'stretch', flexWrap: 'wrap' }}>
        <div style={{ flex: '0 0 400px' }}>
          <RevenueCard customerId={customerId} onChanged={changed} />
        </div>
        <div style={{ flex: '1 1 640px', minWidth: 0 }}>
          <WarningsCard customerId={customerId} reloads={reloads} />
        </div>
      </div>
    </div>
  )
}
