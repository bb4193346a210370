import type { Messages } from './zh-CN'
import casesEn from './cases.en'
import documentsEn from './documents.en'

const en: Messages = {
  app: {
    name: 'CaseBinder 案卷通',
    shortName: 'CaseBinder',
    agencyNotConfigured: 'Agency not set up yet',
    language: 'Language',
    loading: 'Loading…',
    connectionFailed: 'Cannot reach the CaseBinder service'
  },
  lang: { zhCN: '中文', en: 'English' },
  nav: {
    workbench: 'Workbench',
    cases: 'Cases',
    documents: 'Documents',
    archive: 'Dossier archive',
    publicity: 'Publicity',
    settings: 'Settings',
    agency: 'Agency',
    officers: 'Officers',
    calendar: 'Working calendar',
    rules: 'Deadline rules',
    templates: 'Document templates'
  },
  placeholder: {
    title: 'Not available yet',
    workbench: 'The workbench will gather to-dos, case deadlines and certificate expiry reminders.',
    cases: 'Cases will cover the whole procedure from filing, investigation and review to closing.',
    documents: 'Documents will draft, number and issue enforcement documents from templates, with conformity checks.',
    archive: 'The dossier archive will assemble case files in filing order, build the contents list and export them.',
    publicityOther: 'Publicity during and after enforcement (process records, decisions) is not available yet.'
  },
  common: {
    save: 'Save',
    saved: 'Saved',
    cancel: 'Cancel',
    confirm: 'OK',
    edit: 'Edit',
    add: 'Add',
    actions: 'Actions',
    yes: 'Yes',
    no: 'No',
    none: '—',
    close: 'Close',
    refresh: 'Refresh',
    search: 'Search',
    reset: 'Reset',
    show: 'Show',
    hide: 'Hide',
    back: 'Back',
    loadFailed: 'Could not load: {message}',
    fixErrors: 'Please correct the marked errors first',
    noChanges: 'Nothing to save'
  },
  footer: {
    home: 'Data folder: {path}',
    server: 'Data: the bureau server',
    version: 'Version {v}',
    audit: 'Activity record',
    verify: 'Verify',
    intact: 'Intact ({n} entries)',
    broken: 'Entry {seq} is broken: {reason}',
    notChecked: 'Not verified'
  },
  welcome: {
    title: 'Welcome to CaseBinder',
    intro: 'This data folder is new: no agency and no officers are registered yet. Set it up in this order:',
    stepAgency: 'enter your agency (name, credit code, legal remedies, payment of fines);',
    stepOfficers: 'register the officers and their enforcement certificates;',
    stepUsers: 'open accounts for handlers, legal reviewers, heads and archivists under "Users and roles".',
    start: 'Start setting up'
  },
  roles: {
    admin: 'Administrator',
    handler: 'Case handler',
    reviewer: 'Legal reviewer',
    head: 'Head of agency',
    archivist: 'Archivist',
    clerk: 'Clerk'
  },
  agency: {
    title: 'Agency',
    subtitle: 'The authority that issues penalty decisions. Printed on documents and used for the publicity lists.',
    sectionBasic: 'Basic information',
    sectionLegal: 'Legal remedies',
    sectionBank: 'Payment of fines',
    sectionPublicity: 'Publicity',
    lastUpdated: 'Last changed: {at}',
    fields: {
      name: 'Name',
      shortName: 'Short name',
      creditCode: 'Unified social credit code',
      address: 'Address',
      postcode: 'Postcode',
      phone: 'Telephone',
      reconsiderationBody: 'Reconsideration body',
      court: 'Competent court',
      bankName: 'Collecting bank',
      bankAccountName: 'Account name',
      bankAccountNo: 'Account number',
      province: 'Province',
      jurisdiction: 'Jurisdiction'
    },
    hints: {
      name: 'Full name as on the official seal',
      shortName: 'Used in document numbers, e.g. （江）应急罚〔2026〕1号',
      creditCode: '18 characters; check character verified per GB 32100-2015',
      reconsiderationBody: "The people's government at the same level (Administrative Reconsideration Law 2023, art. 24)",
      court: 'The basic-level court where the act took place',
      bankAccountNo: '8 to 32 digits, spaces allowed',
      jurisdiction: 'Scope of authority shown on the publicity list'
    }
  },
  officers: {
    title: 'Officers',
    subtitle:
      'Staff holding enforcement certificates. Officers with expired certificates or deactivated cannot be assigned to cases and are left off the publicity list.',
    showInactive: 'Show deactivated officers',
    summary: '{active} active, of whom {expired} with expired and {expiring} with expiring certificates',
    summaryInactive: '; {n} deactivated',
    empty: 'No officers registered yet',
    addTitle: 'Add officer',
    editTitle: 'Edit officer',
    added: 'Officer {name} added',
    deactivate: 'Deactivate',
    reactivate: 'Reactivate',
    deactivateTitle: 'Deactivate officer',
    deactivatePrompt:
      'Deactivate {name}? They can no longer be assigned to cases. Reason (e.g. transferred, retired, certificate revoked):',
    deactivated: '{name} deactivated',
    reactivated: '{name} reactivated',
    legalReviewerTag: 'Legal review',
    columns: {
      name: 'Name',
      post: 'Post',
      unit: 'Unit',
      certNo: 'Certificate no.',
      certType: 'Certificate type',
      validUntil: 'Valid until',
      status: 'Status',
      legalReviewer: 'Legal review'
    },
    fields: {
      name: 'Name',
      post: 'Post',
      unit: 'Unit',
      certNo: 'Certificate no.',
      certType: 'Certificate type',
      certArea: 'Area',
      validUntil: 'Valid until',
      legalReviewer: 'Legal reviewer'
    },
    hints: {
      certNo: 'The number printed on the enforcement certificate',
      legalReviewer: 'Qualified to perform the legal review of major enforcement decisions'
    },
    datePlaceholder: 'Pick a date',
    state: {
      valid: 'Valid',
      expiring: 'Expiring ({n} days left)',
      expiringToday: 'Expiring (today)',
      expired: 'Expired',
      inactive: 'Deactivated'
    },
    inactiveReason: 'Reason: {reason}'
  },
  labels: {
    penaltySubject: {
      unit: 'The business',
      principal: 'Principal person in charge',
      manager: 'Other managers and safety staff',
      responsible: 'Directly responsible persons',
      investor: 'Investor of a sole business'
    },
    penaltyStage: { first: 'First', uncorrected: 'Not corrected' },
    status: {
      registered: 'Lead registered',
      filing_approval: 'Filing approval',
      filed: 'Filed',
      investigating: 'Investigating',
      internal_review: 'Case review',
      legal_review: 'Legal review',
      notice: 'Notice',
      hearing: 'Hearing',
      discussion: 'Collective discussion',
      decided: 'Decided',
      served: 'Served',
      executing: 'Executing',
      enforcement: 'Enforcement',
      closing_approval: 'Closing approval',
      closed: 'Closed',
      dossier: 'Dossier',
      archived: 'Archived',
      not_filed: 'Not filed',
      revoked: 'Revoked',
      terminated: 'Terminated',
      transferred: 'Transferred',
      no_penalty: 'No penalty'
    },
    source: {
      inspection: 'Inspection',
      complaint: 'Complaint or report',
      transfer: 'Referred by another body',
      assignment: 'Assigned by superior',
      accident: 'Accident investigation',
      random: 'Random inspection'
    },
    procedure: { summary: 'Summary', general: 'General' },
    alert: { met: 'Done', overdue: 'Overdue', due1: 'Due within 1 day', due3: 'Due within 3 days', ok: 'Not due' },
    partyKind: { org: 'Organisation', sole: 'Sole proprietor', person: 'Individual' },
    eventType: {
      registered: 'Lead registered',
      filed: 'Filed',
      notice_served: 'Notice served',
      decided: 'Decision made',
      served: 'Decision served',
      paid: 'Fine paid',
      published: 'Decision published',
      closed: 'Closed',
      archived: 'Archived',
      not_filed: 'Not filed',
      transferred: 'Transferred',
      no_penalty: 'No penalty',
      revoked: 'Revoked',
      terminated: 'Terminated',
      suspended: 'Suspended',
      resumed: 'Resumed',
      review_submitted: 'Submitted for legal review',
      review_decided: 'Legal review opinion',
      hearing_requested: 'Hearing requested',
      hearing_held: 'Hearing held',
      discussion_held: 'Collective discussion',
      waived: 'Right waived',
      decision_changed: 'Decision revoked or changed',
      publicity_withdrawn: 'Publication withdrawn',
      status: 'Status change'
    },
    unit: { WD: ' working days', CD: ' days', months: ' months', hours: ' hours' },
    deadlineKind: { duty: 'Duty', window: 'Waiting period' },
    flag: { extended: 'Extended', suspended: 'Suspended' },
    unverified: 'Calendar unverified',
    unverifiedHint:
      'This deadline touches a year without an imported official holiday schedule; it was estimated from weekends and statutory holidays. Check it once the calendar is imported.'
  },
  workbench: {
    title: 'Workbench',
    subtitleAll: 'All cases and their deadline alerts (choose yourself under "I am" at the top right to see only your cases)',
    subtitleMine: 'Cases handled by {name} and their deadline alerts',
    groups: { open: 'Open', done: 'Closed', other: 'Other' },
    openCases: '{n} open cases',
    overdue: 'Overdue',
    due1: 'Due within 1 day',
    due3: 'Due within 3 days',
    noDeadlines: 'None',
    myCases: 'My open cases',
    allOpenCases: 'Open cases (recently updated)',
    noCases: 'No open cases',
    due: 'due {date}',
    newCase: 'Register / file'
  },
  ...casesEn,
  ...documentsEn,
  calendar: {
    title: 'Working calendar',
    subtitle:
      'The State Council\'s yearly holiday schedules. Working-day deadlines are counted with them; years without data fall back to weekends and statutory holidays, and their deadlines are marked "calendar unverified".',
    version: 'Calendar version: {v}',
    import: 'Import calendar',
    columns: {
      year: 'Year',
      restDays: 'Rest days',
      makeupWorkdays: 'Make-up workdays',
      source: 'Source',
      version: 'Version',
      importedAt: 'Imported'
    },
    missingNext: 'The {year} calendar is not imported yet; deadlines in that year will be marked unverified',
    importTitle: 'Import a working calendar',
    importHint: 'Paste or choose a file: JSON (with year, restDays and makeupWorkdays), or one day a line, such as:',
    importExample: '2027-01-01,休,元旦　　2027-02-07,班,春节调休',
    chooseFile: 'Choose file…',
    text: 'Calendar',
    replace: 'Replace an existing year',
    imported: 'Imported {year}: {rest} rest days, {work} make-up workdays',
    empty: 'No calendar data'
  },
  rules: {
    title: 'Deadline rules',
    subtitle:
      'Case deadlines are computed from this table. It is read-only for now; editing rules (saved as a new version) will come in a later version.',
    version: 'Version {v}: {name} ({at})',
    columns: {
      label: 'Deadline',
      trigger: 'Starts at',
      length: 'Period',
      kind: 'Kind',
      procedures: 'Procedures',
      extendable: 'Extendable',
      source: 'Legal source'
    }
  },
  publicity: {
    title: 'Publicity',
    subtitle: 'Publicity of enforcement under the "three systems".',
    preTitle: 'Lists published in advance',
    preDesc: 'Agency and officer qualification lists, generated with certificate states as of today.',
    downloadAgency: '执法主体资格清单.csv',
    downloadOfficers: '执法人员资格清单.csv',
    downloadHtml: '行政执法公示清单.html',
    downloaded: '{name} generated',
    savedTo: 'Saved to {path}',
    omittedTitle: 'Officers left off the list',
    omittedNone: 'All active officers are on the list.',
    omittedName: 'Name',
    omittedReason: 'Reason',
    goAgency: 'Enter the agency',
    otherTitle: 'Publicity during and after enforcement'
  }
}

export default en
