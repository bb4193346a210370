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
  'reviews.getCatalogue': { input: z.object({}), output: CatalogueViewSchema },
  'reviews.setCatalogue': { input: MajorCatalogueSchema, output: CatalogueViewSchema },
  'reviews.renderCatalogue': { input: z.object({}), output: z.object({ files: z.array(ExportFileSchema) }) },
  'reviews.exportCatalogue': {
    input: z.object({ outDir: z.string().trim().min(1, { message: '请选择导出目录' }) }),
    output: z.object({ files: z.array(z.string()) })
  },
  'reviews.show': { input: z.object({ caseId: z.coerce.number().int().positive() }), output: ReviewShowSchema },
  'reviews.setProfile': { input: ReviewInputs.profile, output: ReviewShowSchema },
  'reviews.submit': { input: ReviewInputs.submit, output: ReviewRoundSchema },
  'reviews.decide': { input: ReviewInputs.decide, output: ReviewRoundSchema },
  'reviews.respond': { input: ReviewInputs.respond, output: ReviewRoundSchema },
  'reviews.coordinate': { input: ReviewInputs.coordinate, output: ReviewRoundSchema },
  'reviews.queue': { input: z.object({ reviewerId: z.number().int().positive().optional() }), output: z.array(ReviewQueueItemSchema) },
  'hearings.request': { input: ReviewInputs.hearingRequest, output: ReviewShowSchema },
  'hearings.schedule': { input: ReviewInputs.hearingSchedule, output: ReviewShowSchema },
  'hearings.hold': { input: ReviewInputs.hearingHold, output: ReviewShowSchema },
  'waivers.record': { input: ReviewInputs.waive, output: ReviewShowSchema },
  'discussions.record': { input: ReviewInputs.discussion, output: ReviewShowSchema },
  'timelines.show': {
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
  'timelines.export': {
    input: z.object({ caseId: z.coerce.number().int().positive(), format: z.enum(TIMELINE_FORMATS).default('csv') }),
    output: ExportFileSchema
  }
} as const satisfies ChannelMap
