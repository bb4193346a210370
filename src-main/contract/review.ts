/** 法制审核, hearings (听证), waivers of rights, collective discussion and the case timeline. */
import { z } from 'zod'
import { isoDateField } from '../core/officer'
import {
  CatalogueViewSchema,
  ReviewInputs,
  TIMELINE_FORMATS,
  TIMELINE_KINDS,
  ReviewQueueItemSchema,
  ReviewRoundSchema,
  ReviewShowSchema,
  TimelineSchema
} from '../core/review-views'
import { MajorCatalogueSchema } from '../core/major-decision'
import { ExportFileSchema, type ChannelMap } from './shared'

export const reviewChannels = {
  'review.catalogue': { input: z.object({}), output: CatalogueViewSchema },
  'review.setCatalogue': { input: MajorCatalogueSchema, output: CatalogueViewSchema },
  'review.renderCatalogue': { input: z.object({}), output: z.object({ files: z.array(ExportFileSchema) }) },
  'review.exportCatalogue': {
    input: z.object({ outDir: z.string().trim().min(1, { message: '请选择导出目录' }) }),
    output: z.object({ files: z.array(z.string()) })
  },
  'review.show': { input: z.object({ caseId: z.coerce.number().int().positive() }), output: ReviewShowSchema },
  'review.setProfile': { input: ReviewInputs.profile, output: ReviewShowSchema },
  'review.submit': { input: ReviewInputs.submit, output: ReviewRoundSchema },
  'review.decide': { input: ReviewInputs.decide, output: ReviewRoundSchema },
  'review.respond': { input: ReviewInputs.respond, output: ReviewRoundSchema },
  'review.coordinate': { input: ReviewInputs.coordinate, output: ReviewRoundSchema },
  'review.queue': { input: z.object({ reviewerId: z.number().int().positive().optional() }), output: z.array(ReviewQueueItemSchema) },
  'hearing.request': { input: ReviewInputs.hearingRequest, output: ReviewShowSchema },
  'hearing.schedule': { input: ReviewInputs.hearingSchedule, output: ReviewShowSchema },
  'hearing.hold': { input: ReviewInputs.hearingHold, output: ReviewShowSchema },
  'rights.waive': { input: ReviewInputs.waive, output: ReviewShowSchema },
  'discussion.record': { input: ReviewInputs.discussion, output: ReviewShowSchema },
  'timeline.show': {
    input: z.object({
      caseId: z.coerce.number().int().positive(),
      kinds: z.array(z.enum(TIMELINE_KINDS)).optional(),
      actor: z.string().optional(),
      q: z.string().trim().max(100).optional(),
      from: isoDateField('开始日期').optional(),
      to: isoDateField('结束日期').optional()
    }),
    output: TimelineSchema
  },
  'timeline.export': {
    input: z.object({ caseId: z.coerce.number().int().positive(), format: z.enum(TIMELINE_FORMATS).default('csv') }),
    output: ExportFileSchema
  }
} as const satisfies ChannelMap
