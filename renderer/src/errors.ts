/** Turning refusals from the main process (and the shared schemas' messages) into words at the field. */
import type { FormInstance } from 'antd'
import type { TFunction } from 'i18next'
import type { z } from 'zod'
import i18next from 'i18next'
import type { FieldError } from '../../electron/api/errors'
import { ApiError } from './api'
import { makeFormatters } from './format'

export function fieldMessage(t: TFunction, error: Pick<FieldError, 'message' | 'params'>): string {
  return t(`validation.${error.message}`, { defaultValue: error.message, ...error.params })
}

export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    const { at, ...params } = error.data.params ?? {}
    // An instant in a message (who changed a record, and when) is shown as the operator's local time.
    const when = typeof at === 'string' && at ? makeFormatters(i18next.language).instant(at) : at
    return t(`errors.${error.data.code}`, {
      defaultValue: error.data.message,
      ...params,
      at: when,
      detail: error.data.message,
    })
  }
  return error instanceof Error ? error.message : String(error)
}

/** An antd rule that checks a value with a field's schema from the contract: the main process's own check. */
export function schemaRule(t: TFunction, schema: z.ZodType, toInput: (value: unknown) => unknown = (v) => v) {
  return {
    validator: async (_rule: unknown, value: unknown) => {
      const result = schema.safeParse(toInput(value))
      if (result.success) return
      const issue = result.error.issues[0]!
      const limit = 'maximum' in issue ? issue.maximum : 'minimum' in issue ? issue.minimum : undefined
      throw new Error(
        fieldMessage(t, {
          message: issue.message,
          params: limit === undefined ? {} : { limit: Number(limit) },
        }),
      )
    },
  }
}

/**
 * Puts the field errors of a refusal on the form's fields (`prefix` strips e.g. "fields." from the path)
 * and returns those that belong to no field of this form.
 */
export function showFieldErrors(t: TFunction, form: FormInstance, error: unknown, prefix = ''): FieldError[] {
  if (!(error instanceof ApiError) || !error.data.fields) return []
  const names = new Set(Object.keys(form.getFieldsValue(true) as object))
  const rest: FieldError[] = []
  const onForm = []
  for (const field of error.data.fields) {
    const name = field.path.startsWith(prefix) ? field.path.slice(prefix.length) : null
    if (name !== null && names.has(name)) onForm.push({ name, errors: [fieldMessage(t, field)] })
    else rest.push(field)
  }
  form.setFields(onForm)
  return rest
}
