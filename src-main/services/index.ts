/**
 * The service registry: one handler per contract channel, and the single boundary (`invoke`)
 * every front door goes through. `invoke` validates the input against the contract, runs the
 * handler, and turns every failure into a typed AppError value.
 */
import { contract, isChannel, type Channel, type Contract, type ChannelOutput } from '../contract'
import { appError, AppErrorException, type AppError, type Result } from '../core/errors'
import { toFieldIssues } from '../core/validation'
import { unavailableError } from './unavailable'
import type { z } from 'zod'
import type { ServiceContext } from './context'
import { agencyGet, agencySet } from './agency'
import { officersAdd, officersDeactivate, officersEdit, officersGet, officersList, officersReactivate } from './officers'
import { listsExport, listsRender } from './lists'
import { auditList, auditVerify } from './audit'
import { appInfo } from './app'
import { demoLoad } from './demo'
import { partiesAdd, partiesEdit, partiesFindDuplicate, partiesGet, partiesList } from './parties'
import {
  deadlinesAdjust,
  casesRegisterAndFile,
  casesFile,
  casesGet,
  casesList,
  casesRecordEvent,
  casesRegister,
  casesSearch,
  casesSetFlag,
  casesTransition
} from './cases'
import { approvalsRecord } from './approvals'
import { deadlinesList, deadlinesGetRules, deadlinesSetRules } from './deadlines'
import { calendarImport, calendarPreview, calendarListYears } from './calendar'
import { workbenchSummary } from './workbench'
import { templatesFile, templatesImport, templatesInspect, templatesReset } from './templates'
import { basisGet, basisListViolations, phrasesList } from './basis'
import { evidenceAdd, evidenceFile, evidenceList } from './evidence'
import { dossiersShow, dossiersReorder } from './dossier'
import { dossiersArchive, dossiersExport, jobsCancel, jobsFile, jobsGet, dossiersVerify } from './exports'
import { signingCreateTest, signingImport, signingInfo } from './pdf-tools'
import { reviewsExportCatalogue, reviewsGetCatalogue, reviewsRenderCatalogue, reviewsSetCatalogue } from './review-catalogue'
import { reviewsCoordinate, reviewsDecide, reviewsQueue, reviewsRespond, reviewsSetProfile, reviewsShow, reviewsSubmit } from './review'
import { discussionsRecord, hearingsHold, hearingsRequest, hearingsSchedule, waiversRecord } from './hearings'
import {
  publicityBuild,
  publicityDecisionChanged,
  publicityExport,
  publicityGet,
  publicityList,
  publicityPolicy,
  publicityPublish,
  publicityRender,
  publicitySetPolicy,
  publicityWithdraw
} from './publicity'
import { timelinesExport, timelinesShow } from './timeline'
import { authChangePassword, authSetIdleMinutes, authSignIn, authSignOut, authStatus } from './auth'
import { usersAdd, usersBootstrap, usersDirectory, usersEdit, usersList, usersResetPassword } from './users'
import { authorizeCaller, authorizeCase, sealedRefusal } from './authorize'
import {
  documentsCheck,
  documentsCorrect,
  documentsCreate,
  documentsFile,
  documentsGet,
  documentsIssue,
  documentsList,
  documentsSave,
  documentsVoid,
  templatesList
} from './documents'

type Handler<C extends Channel> = (
  ctx: ServiceContext,
  input: z.output<Contract[C]['input']>
) => ChannelOutput<C> | Promise<ChannelOutput<C>>

export const handlers: { [C in Channel]: Handler<C> } = {
  'app.info': (ctx) => appInfo(ctx),
  'auth.status': (ctx) => authStatus(ctx),
  'auth.signIn': authSignIn,
  'auth.signOut': authSignOut,
  'auth.setIdleMinutes': authSetIdleMinutes,
  'auth.changePassword': authChangePassword,
  'users.bootstrap': usersBootstrap,
  'users.list': (ctx) => usersList(ctx),
  'users.add': usersAdd,
  'users.edit': usersEdit,
  'users.resetPassword': usersResetPassword,
  'users.directory': (ctx) => usersDirectory(ctx),
  'agency.get': (ctx) => agencyGet(ctx),
  'agency.set': agencySet,
  'officers.list': officersList,
  'officers.get': officersGet,
  'officers.add': officersAdd,
  'officers.edit': officersEdit,
  'officers.deactivate': officersDeactivate,
  'officers.reactivate': officersReactivate,
  'lists.render': (ctx) => listsRender(ctx),
  'lists.export': listsExport,
  'audit.verify': (ctx) => auditVerify(ctx),
  'audit.list': auditList,
  'demo.load': demoLoad,
  'parties.list': partiesList,
  'parties.get': partiesGet,
  'parties.add': partiesAdd,
  'parties.edit': partiesEdit,
  'parties.findDuplicate': partiesFindDuplicate,
  'cases.register': casesRegister,
  'cases.file': casesFile,
  'cases.registerAndFile': casesRegisterAndFile,
  'cases.transition': casesTransition,
  'cases.setFlag': casesSetFlag,
  'cases.recordEvent': casesRecordEvent,
  'cases.get': casesGet,
  'cases.list': casesList,
  'cases.search': casesSearch,
  'approvals.record': approvalsRecord,
  'deadlines.list': deadlinesList,
  'deadlines.adjust': deadlinesAdjust,
  'deadlines.getRules': (ctx) => deadlinesGetRules(ctx),
  'deadlines.setRules': deadlinesSetRules,
  'calendar.listYears': (ctx) => calendarListYears(ctx),
  'calendar.import': calendarImport,
  'calendar.preview': calendarPreview,
  'workbench.summary': workbenchSummary,
  'templates.list': (ctx) => templatesList(ctx),
  'documents.create': documentsCreate,
  'documents.save': documentsSave,
  'documents.get': documentsGet,
  'documents.list': documentsList,
  'documents.check': documentsCheck,
  'documents.file': documentsFile,
  'documents.issue': documentsIssue,
  'documents.void': documentsVoid,
  'documents.correct': documentsCorrect,
  'templates.inspect': templatesInspect,
  'templates.import': templatesImport,
  'templates.reset': templatesReset,
  'templates.file': templatesFile,
  'basis.listViolations': basisListViolations,
  'basis.get': basisGet,
  'phrases.list': phrasesList,
  'evidence.add': evidenceAdd,
  'evidence.list': evidenceList,
  'evidence.file': evidenceFile,
  'dossiers.show': dossiersShow,
  'dossiers.reorder': dossiersReorder,
  'dossiers.export': dossiersExport,
  'dossiers.archive': dossiersArchive,
  'jobs.get': jobsGet,
  'jobs.cancel': jobsCancel,
  'jobs.file': jobsFile,
  'dossiers.verify': dossiersVerify,
  'signing.info': (ctx) => signingInfo(ctx),
  'signing.import': signingImport,
  'signing.createTest': (ctx) => signingCreateTest(ctx),
  'reviews.getCatalogue': (ctx) => reviewsGetCatalogue(ctx),
  'reviews.setCatalogue': reviewsSetCatalogue,
  'reviews.renderCatalogue': (ctx) => reviewsRenderCatalogue(ctx),
  'reviews.exportCatalogue': reviewsExportCatalogue,
  'reviews.show': reviewsShow,
  'reviews.setProfile': reviewsSetProfile,
  'reviews.submit': reviewsSubmit,
  'reviews.decide': reviewsDecide,
  'reviews.respond': reviewsRespond,
  'reviews.coordinate': reviewsCoordinate,
  'reviews.queue': reviewsQueue,
  'hearings.request': hearingsRequest,
  'hearings.schedule': hearingsSchedule,
  'hearings.hold': hearingsHold,
  'waivers.record': waiversRecord,
  'discussions.record': discussionsRecord,
  'publicity.getPolicy': (ctx) => publicityPolicy(ctx.home.store),
  'publicity.setPolicy': publicitySetPolicy,
  'publicity.build': publicityBuild,
  'publicity.publish': publicityPublish,
  'publicity.withdraw': publicityWithdraw,
  'publicity.decisionChanged': publicityDecisionChanged,
  'publicity.list': publicityList,
  'publicity.get': publicityGet,
  'publicity.render': (ctx) => publicityRender(ctx),
  'publicity.export': publicityExport,
  'timelines.show': timelinesShow,
  'timelines.export': timelinesExport
}

export interface InvokeLogger {
  error(message: string, err: unknown): void
}

const consoleLogger: InvokeLogger = { error: (m, e) => console.error(m, e) }

/**
 * Call a service by channel name with untrusted input. Never throws. Order (authorize.ts): the channel exists;
 * the caller holds one of its roles (AUTH_REQUIRED / FORBIDDEN, before the input is looked at); the input is valid;
 * the per-case rule holds for the case the input names; a change to an archived case is refused (CASE_SEALED); then the handler. A refusal writes nothing. With a principal the handler's context names them (`actor` = their name, the activity record their login).
 */
export async function invoke(
  ctx: ServiceContext,
  channel: string,
  rawInput: unknown,
  logger: InvokeLogger = consoleLogger
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `未知的接口：${channel}`, details: { channel } } }
  }
  try {
    const caller = await authorizeCaller(ctx, channel)
    if (!caller.ok) return caller
    const spec = contract[channel]
    const parsed = spec.input.safeParse(rawInput ?? {})
    if (!parsed.success) {
      const issues = toFieldIssues(parsed.error)
      return {
        ok: false,
        error: { code: 'VALIDATION_FAILED', message: issues[0] ? `输入有误：${issues[0].message}` : '输入有误', details: { issues } }
      }
    }
    const onCase = await authorizeCase(channel, ctx, caller.principal, parsed.data)
    if (onCase) return onCase
    const sealed = await sealedRefusal(ctx, channel, parsed.data)
    if (sealed) return sealed
    const acting = caller.principal ? { ...ctx, principal: caller.principal, actor: caller.principal.name } : ctx
    const handler = handlers[channel] as (ctx: ServiceContext, input: unknown) => unknown
    return { ok: true, value: spec.output.parse(await handler(acting, parsed.data)) }
  } catch (err) {
    if (err instanceof AppErrorException) return { ok: false, error: err.appError }
    const unavailable = unavailableError(err)
    if (unavailable) {
      logger.error(`service ${channel}: the database is unavailable`, err)
      return { ok: false, error: unavailable }
    }
    logger.error(`service ${channel} failed`, err)
    const e: AppError = { code: 'INTERNAL', message: '内部错误，操作未完成，数据未更改。详情见日志。', details: { cause: String(err) } }
    return { ok: false, error: e }
  }
}

/** Typed call for in-process callers (CLI, tests): throws the AppError as an exception. */
export async function call<C extends Channel>(
  ctx: ServiceContext,
  channel: C,
  input: z.input<Contract[C]['input']>
): Promise<ChannelOutput<C>> {
  const r = await invoke(ctx, channel, input)
  if (!r.ok) throw appError(r.error.code, r.error.message, r.error.details)
  return r.value as ChannelOutput<C>
}

// What the doors (Electron, harness, CLI) need besides `invoke`: they import this registry only.
export { createContext, type ServiceContext } from './context'
export { defaultHome, openHome, type Home, type HomeLocation, type StoreHome } from '../store/home'
export { isPostgresUrl, openServerHome, openStoreHome } from '../store/server-home'
export { writeFileAtomic } from '../store/atomic'
export { migrateHomeToPostgres, CopyRefusedError, type CopyReport, type VerifyReport } from './migrate-home'
export { SessionTable, sessionAlive, sessionCall, sessionPeek, sessionPrincipal } from './sessions'
