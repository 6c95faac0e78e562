/** The standards matrix printed to a PDF where the operator chooses, for a trainer's handout. */
import { writeFileSync } from 'node:fs'
import type { Language } from '../../api/contract'
import { standardsHtml } from '../../files/documents/standards'
import type { DesktopPorts } from '../../files/ports'
import type { ServiceContext } from '../context'
import { getLookups } from '../settings/lookups'
import { standardsMatrix } from './plans'

export async function printStandards(
  ctx: ServiceContext,
  ports: DesktopPorts,
  language: Language,
): Promise<string | null> {
  const [matrix, lookups] = await Promise.all([standardsMatrix(ctx), getLookups(ctx)])
  const tiers = lookups.tiers.filter((tier) => tier.scheme === lookups.tierScheme)
  const name = language === 'en' ? 'service-standards.pdf' : '服务标准.pdf'
  const path = await ports.chooseSaveFile(name, [{ name: 'PDF', extensions: ['pdf'] }])
  if (!path) return null
  writeFileSync(path, await ports.printPdf(standardsHtml(matrix, tiers, language)))
  return path
}
