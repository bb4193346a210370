/**
 * Who may call each channel: `invoke` checks the rule before the handler runs (a refusal writes nothing).
 * Typed over every channel, so a new channel without a declared rule does not compile; the table-driven
 * test in tests/integration/access.test.ts calls each channel as each role.
 */
import type { AccessRule, Role } from '../core/roles'
import type { Channel } from '.'

const anyone: AccessRule = { who: 'anyone' }
const signedIn: AccessRule = { who: 'signed-in' }
const roles = (...r: Role[]): AccessRule => ({ who: r })
const admin = roles('admin')
/** the case's handlers (承办人), or a head supervising every case */
const caseHandler: AccessRule = { who: ['handler', 'head'], case: { kind: 'handler', anyCase: ['head'] } }
/** a case's paperwork (registration, drafting, evidence, service, the parties' requests): its handlers, a head, or the clerks (内勤) */
const casePaperwork: AccessRule = { who: ['handler', 'head', 'clerk'], case: { kind: 'handler', anyCase: ['head', 'clerk'] } }
/** a case's documents: its handlers or a head; a 法制审核意见书 is its reviewer's (or a head's) to edit and issue */
const caseDocument = (...alsoAnyCase: Role[]): AccessRule => ({
  who: ['handler', 'head', 'reviewer', ...alsoAnyCase],
  case: { kind: 'handler', anyCase: ['head', ...alsoAnyCase], ownOpinion: true }
})
const everyoneOnCases = roles('handler', 'reviewer', 'head', 'archivist', 'clerk')

export const ACCESS = {
  'app.info': anyone,
  'auth.status': anyone,
  'auth.signIn': anyone,
  'auth.signOut': anyone,
  'auth.setIdleMinutes': admin,
  'auth.changePassword': signedIn,
  'users.bootstrap': { who: 'setup' },
  'users.list': admin,
  'users.add': admin,
  'users.edit': admin,
  'users.resetPassword': admin,
  'users.directory': signedIn,
  'agency.get': signedIn,
  'agency.set': admin,
  'officers.list': signedIn,
  'officers.get': signedIn,
  'officers.add': admin,
  'officers.edit': admin,
  'officers.deactivate': admin,
  'officers.reactivate': admin,
  'lists.render': signedIn,
  'lists.export': signedIn,
  'audit.verify': roles('admin', 'head', 'archivist', 'reviewer'),
  'audit.list': roles('admin', 'head', 'archivist', 'reviewer'),
  'demo.load': { who: 'setup' },
  'parties.list': everyoneOnCases,
  'parties.get': everyoneOnCases,
  'parties.add': roles('handler', 'clerk', 'head'),
  'parties.edit': roles('handler', 'clerk', 'head'),
  'parties.findDuplicate': roles('handler', 'clerk', 'head'),
  'cases.register': roles('handler', 'clerk', 'head'),
  'cases.file': casePaperwork,
  'cases.registerAndFile': roles('handler', 'clerk', 'head'),
  'cases.transition': caseHandler,
  'cases.setFlag': caseHandler,
  'cases.recordEvent': casePaperwork,
  'cases.get': everyoneOnCases,
  'cases.list': everyoneOnCases,
  'cases.search': everyoneOnCases,
  'approvals.record': roles('head'),
  'deadlines.list': everyoneOnCases,
  'deadlines.adjust': roles('head'),
  'deadlines.getRules': signedIn,
  'deadlines.setRules': admin,
  'calendar.listYears': signedIn,
  'calendar.import': admin,
  'calendar.preview': signedIn,
  'templates.list': signedIn,
  'templates.inspect': admin,
  'templates.import': admin,
  'templates.reset': admin,
  'templates.file': signedIn,
  'documents.create': casePaperwork,
  'documents.save': caseDocument('clerk'),
  'documents.get': everyoneOnCases,
  'documents.list': everyoneOnCases,
  'documents.check': everyoneOnCases,
  'documents.file': everyoneOnCases,
  'documents.issue': caseDocument(),
  'documents.void': caseDocument(),
  'documents.correct': caseDocument(),
  'basis.listViolations': signedIn,
  'basis.get': signedIn,
  'phrases.list': signedIn,
  'evidence.add': casePaperwork,
  'evidence.list': everyoneOnCases,
  'evidence.file': everyoneOnCases,
  'dossiers.show': everyoneOnCases,
  'dossiers.reorder': { who: ['handler', 'head', 'archivist'], case: { kind: 'handler', anyCase: ['head', 'archivist'] } },
  'dossiers.export': everyoneOnCases,
  'dossiers.archive': roles('archivist'),
  'jobs.get': signedIn,
  'jobs.cancel': signedIn,
  'jobs.file': signedIn,
  'dossiers.verify': signedIn,
  'signing.info': signedIn,
  'signing.import': admin,
  'signing.createTest': admin,
  'reviews.getCatalogue': signedIn,
  'reviews.setCatalogue': admin,
  'reviews.renderCatalogue': signedIn,
  'reviews.exportCatalogue': signedIn,
  'reviews.show': everyoneOnCases,
  'reviews.setProfile': caseHandler,
  'reviews.submit': { who: ['handler'], case: { kind: 'handler', anyCase: [] } },
  'reviews.decide': { who: ['reviewer'], case: { kind: 'reviewer' } },
  'reviews.respond': { who: ['handler'], case: { kind: 'handler', anyCase: [] } },
  'reviews.coordinate': roles('head'),
  'reviews.queue': roles('reviewer', 'head'),
  'hearings.request': casePaperwork,
  'hearings.schedule': caseHandler,
  'hearings.hold': caseHandler,
  'waivers.record': casePaperwork,
  'discussions.record': roles('head'),
  'publicity.getPolicy': signedIn,
  'publicity.setPolicy': admin,
  'publicity.build': casePaperwork,
  'publicity.publish': roles('head', 'clerk'),
  'publicity.withdraw': roles('head'),
  'publicity.decisionChanged': casePaperwork,
  'publicity.list': signedIn,
  'publicity.get': signedIn,
  'publicity.render': signedIn,
  'publicity.export': signedIn,
  'timelines.show': everyoneOnCases,
  'timelines.export': everyoneOnCases,
  'workbench.summary': signedIn
} as const satisfies Record<Channel, AccessRule>

/**
 * The channels that change a case (its status, flags, events, deadlines, documents, evidence, dossier, review,
 * hearing, waiver, discussion and approval steps). `invoke` refuses them with CASE_SEALED once the case the input
 * names is archived (services/authorize.ts `sealedRefusal`); viewing, exports and the logged opening remain.
 * Publicity is not here: a decision's publicity (and its withdrawal after credit repair) outlives the file.
 */
export const CASE_CHANGES: ReadonlySet<Channel> = new Set<Channel>([
  'cases.file',
  'cases.transition',
  'cases.setFlag',
  'cases.recordEvent',
  'deadlines.adjust',
  'approvals.record',
  'documents.create',
  'documents.save',
  'documents.issue',
  'documents.void',
  'documents.correct',
  'evidence.add',
  'dossiers.reorder',
  'dossiers.archive',
  'reviews.setProfile',
  'reviews.submit',
  'reviews.decide',
  'reviews.respond',
  'reviews.coordinate',
  'hearings.request',
  'hearings.schedule',
  'hearings.hold',
  'waivers.record',
  'discussions.record'
])
