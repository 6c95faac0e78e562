/**
 * Value assessment (大客户价值评估, domain.md §1): a score from current value (direct revenue plus the
 * additional value of members' personal lines), potential value (headcount not yet on our network,
 * products not yet taken) and intangible value (brand, influence, referrals, scored by hand), with
 * weights a supervisor sets; the score suggests a tier.
 */
export interface ValueInputs {
  /** Own revenue over a year, in fen. */
  directFen: number
  /** Members' personal lines and the like, over a year, in fen. */
  additionalFen: number
  employees: number | null
  ourSubscribers: number | null
  productsTaken: number
  productsOffered: number
  /** 0–100, entered by the account manager. */
  intangibleScore: number
}

export interface ValueWeights {
  currentBp: number
  potentialBp: number
  intangibleBp: number
}

export interface ValueSettings {
  weights: ValueWeights
  /** Current value (fen a year) that scores the full 100. */
  fullCurrentFen: number
  /** Lowest score per tier rank (1 = the top tier), highest first. */
  thresholds: { rank: number; minScore: number }[]
}

export interface ValueScore {
  current: number
  potential: number
  intangible: number
  /** 0–100, one decimal. */
  score: number
  suggestedRank: number
}

export const WEIGHTS_TOTAL_BP = 10_000

function clamp(value: number, low = 0, high = 100): number {
  return Math.min(high, Math.max(low, value))
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10

export function weightsAreWhole(weights: ValueWeights): boolean {
  return weights.currentBp + weights.potentialBp + weights.intangibleBp === WEIGHTS_TOTAL_BP
}

export function valueScore(inputs: ValueInputs, settings: ValueSettings): ValueScore {
  const current = clamp(((inputs.directFen + inputs.additionalFen) * 100) / settings.fullCurrentFen)
  const headroom =
    inputs.employees && inputs.employees > 0
      ? clamp((inputs.employees - (inputs.ourSubscribers ?? 0)) / inputs.employees, 0, 1)
      : 0
  const productGap =
    inputs.productsOffered > 0 ? clamp(1 - inputs.productsTaken / inputs.productsOffered, 0, 1) : 0
  const potential = ((headroom + productGap) / 2) * 100
  const intangible = clamp(inputs.intangibleScore)
  const { currentBp, potentialBp, intangibleBp } = settings.weights
  const score = oneDecimal(
    (current * currentBp + potential * potentialBp + intangible * intangibleBp) / WEIGHTS_TOTAL_BP,
  )
  const tier = [...settings.thresholds]
    .sort((a, b) => a.rank - b.rank)
    .find((entry) => score >= entry.minScore)
  return {
    current: oneDecimal(current),
    potential: oneDecimal(potential),
    intangible: oneDecimal(intangible),
    score,
    suggestedRank: tier?.rank ?? Math.max(...settings.thresholds.map((entry) => entry.rank)),
  }
}
