/** Strings of the case list, the case form, parties and the case page (English). Part of the main messages (en.ts). */
import type { CasesMessages } from './cases.zh-CN'

const casesEn: CasesMessages = {
  cases: {
    title: 'Cases',
    subtitle: 'All cases, most recently updated first. Type two or more characters to search names, causes, facts and parties.',
    newCase: 'Register / file',
    searchPlaceholder: 'Search cases (2+ characters)',
    filters: {
      status: 'Status',
      procedure: 'Procedure',
      officer: 'Officer',
      dateRange: 'Source date',
      from: 'From',
      to: 'To',
      mine: 'My cases only',
      all: 'All'
    },
    columns: {
      number: 'Case number',
      name: 'Case name',
      parties: 'Parties',
      procedure: 'Procedure',
      status: 'Status',
      nextDeadline: 'Next deadline',
      updatedAt: 'Updated'
    },
    notFiled: 'Not filed',
    empty: 'No cases match',
    emptyAll: 'No cases registered yet',
    total: '{n} cases',
    searchHit: 'Match'
  },
  caseForm: {
    title: 'Register / file a case',
    subtitle: 'Register a case lead; a general-procedure case can be filed and numbered at once when two or more officers are assigned.',
    sectionSource: 'Source',
    sectionParties: 'Parties and officers',
    sectionPenalty: 'Intended penalty (summary procedure)',
    sectionPreview: 'Preview',
    fields: {
      source: 'Source',
      sourceDate: 'Source date',
      procedure: 'Procedure',
      cause: 'Cause',
      facts: 'Facts',
      parties: 'Parties',
      officers: 'Officers',
      warning: 'Warning',
      fine: 'Fine (yuan)',
      filedOn: 'Filing date'
    },
    hints: {
      sourceDate: 'The day the lead was found or received; the filing deadline runs from it',
      cause: 'The violation, e.g. failure to train employees in work safety',
      officers: 'Filing or an on-the-spot penalty needs two or more officers with valid certificates',
      summary:
        'Summary procedure: a warning, or a fine up to 200 yuan (individual) or 3,000 yuan (organisation) (Administrative Penalty Law art. 51)'
    },
    partyPlaceholder: 'Search by name, credit code or ID number',
    addParty: 'New party',
    officerPlaceholder: 'Choose officers',
    officerExpired: 'Certificate expired on {date}; cannot handle cases',
    officerExpiring: '{n} days left',
    caseName: 'Case name',
    filingDeadline: 'Filing deadline',
    decisionDeadline: 'Decision deadline',
    deadlineFrom: '{length}{unit} from {start}: {due}',
    deadlineOverdue: 'Overdue',
    previewPending: 'Shown once the date is entered',
    register: 'Register lead',
    registerAndFile: 'Register and file',
    registerAndFileOnlyGeneral: 'Summary cases are not filed',
    registered: 'Lead registered: {name}',
    filed: 'Filed: {number}',
    failed: 'Not saved'
  },
  party: {
    addTitle: 'New party',
    kind: 'Kind',
    fields: {
      name: 'Name',
      personName: 'Name',
      soleName: 'Business name',
      creditCode: 'Unified social credit code',
      address: 'Address',
      soleAddress: 'Business premises',
      personAddress: 'Home address',
      postcode: 'Postcode',
      legalRep: 'Legal representative',
      soleLegalRep: 'Operator',
      legalRepPost: 'Position',
      operatorIdNumber: 'Operator ID number',
      phone: 'Phone',
      licences: 'Licences',
      idNumber: 'ID number',
      sex: 'Sex',
      birthDate: 'Date of birth',
      employer: 'Employer',
      post: 'Position'
    },
    derived: 'From the ID number: {sex}, born {birth}',
    duplicate: 'This {what} is already registered as "{name}"',
    duplicateCredit: 'credit code',
    duplicateId: 'ID number',
    useExisting: 'Use existing party',
    added: 'Party {name} added'
  },
  caseDetail: {
    tabs: {
      basic: 'Basics',
      parties: 'Parties',
      documents: 'Documents',
      evidence: 'Evidence & A/V',
      timeline: 'Activity record',
      review: 'Legal review',
      publicity: 'Publicity',
      dossier: 'Dossier'
    },
    notFound: 'Case not found',
    number: 'Case number',
    noNumber: 'Not numbered yet',
    name: 'Case name',
    status: 'Status',
    procedure: 'Procedure',
    source: 'Source',
    sourceDate: 'Source date',
    filedOn: 'Filed on',
    createdAt: 'Registered at',
    registeredBy: 'Registered by',
    cause: 'Cause',
    facts: 'Facts',
    officers: 'Officers',
    intendedPenalty: 'Intended penalty',
    penaltyText: '{warning}{fine}',
    penaltyWarning: 'Warning ',
    penaltyFine: 'fine of {n} yuan',
    deadlines: 'Deadlines',
    noDeadlines: 'No deadlines',
    dl: {
      label: 'Deadline',
      start: 'Starts',
      length: 'Period',
      extension: 'Extended / excluded',
      due: 'Due',
      alert: 'State',
      met: 'Done on {date}'
    },
    extensionText: '+{n}{unit}',
    excludedText: 'excl. {n}{unit}',
    actions: {
      file: 'File',
      advance: 'Advance',
      extend: 'Extend',
      exclude: 'Exclude period',
      suspend: 'Suspend',
      resume: 'Resume',
      approve: 'Approve'
    },
    approvals: {
      title: "Head's approvals",
      none: 'No approvals recorded yet',
      kinds: { filing: 'Filing approval', handling: 'Handling approval', closing: 'Closing approval' },
      outcomes: { approved: 'Approved', rejected: 'Rejected' },
      kind: 'Approval',
      outcome: 'Decision',
      opinion: 'Opinion',
      opinionHint: "Written into the approval form with the head's name and the date",
      opinionRequired: 'Please write the opinion',
      date: 'Date',
      approver: 'Approved by',
      dialogTitle: "Head's approval",
      save: 'Record approval',
      done: '{kind} recorded: {outcome}'
    },
    fileDialog: {
      title: 'File the case',
      filedOn: 'Filing date',
      officers: 'Officers',
      cause: 'Cause',
      done: 'Filed: {number}'
    },
    advanceDialog: {
      title: 'Advance the case',
      current: 'Current status',
      to: 'Change to',
      date: 'Date',
      note: 'Note',
      none: 'This status is final; the case cannot advance',
      done: 'Status changed to "{status}"'
    },
    extendDialog: {
      title: 'Extend the decision deadline',
      length: 'Extra days',
      reason: 'Reason',
      approvedBy: 'Approved by',
      hint: 'Administrative Penalty Law art. 60: a complex case may be extended with the approval of the agency head',
      done: 'Deadline extended'
    },
    excludeDialog: {
      title: 'Exclude a period',
      code: 'Deadline',
      from: 'From',
      to: 'To',
      reason: 'Reason',
      hint: 'Hearings, tests, inspections, expert opinions and public notices do not count towards the deadline',
      done: 'Period excluded'
    },
    flagDialog: {
      suspendTitle: 'Suspend the investigation',
      resumeTitle: 'Resume the investigation',
      reason: 'Reason',
      reasonRequired: 'Please give a reason',
      done: 'Saved'
    },
    masked: 'hidden',
    partyRole: { party: 'Party', responsible_person: 'Responsible person' },
    timelineNote:
      'The case steps and key dates; the full activity record (documents, evidence, review, publicity; hash-chained) follows below.',
    noEvents: 'No entries yet',
    actor: 'By {actor}',
    notYet: 'Not available yet',
    notYetText: {
      documents:
        'Here you will draft filing forms, inquiry records, notices and decisions from templates, number and issue them with conformity checks.',
      evidence:
        'Here you will register documentary and physical evidence, photos and body-camera recordings, stored by content fingerprint.',
      review: "Here major decisions will be submitted for legal review, with the reviewer's opinion and follow-up.",
      publicity:
        'Here the public version of the penalty decision (personal data removed) will be produced and its publication date recorded.',
      dossier: 'Here the dossier will be assembled in filing order, with its contents list and record sheet, and exported.'
    }
  }
}

export default casesEn
