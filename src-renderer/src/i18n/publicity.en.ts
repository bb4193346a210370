import type publicityZhCN from './publicity.zh-CN'
import en from './en'

const publicityEn: typeof publicityZhCN = {
  publicity: {
    ...en.publicity,
    status: {
      pending: 'To publish',
      published: 'Published',
      withdrawn: 'Withdrawn',
      corrected: 'Corrected',
      expired: 'Period over, taken down',
      removed_early: 'Removed early (credit repair)'
    },
    reasons: {
      revoked: 'Decision revoked',
      changed: 'Decision changed',
      unlawful: 'Decision confirmed unlawful',
      void: 'Decision confirmed void',
      credit_repair: 'Early removal after credit repair',
      expired: 'Maximum period over'
    },
    fields: {
      caseName: 'Case name',
      partyName: 'Party',
      partyCategory: 'Party category',
      creditCode: 'Unified social credit code',
      idNumberMasked: 'ID number (partly hidden)',
      legalRep: 'Legal representative',
      decisionNumber: 'Decision number',
      violationType: 'Type of violation',
      facts: 'Facts of the violation',
      basis: 'Legal basis',
      penaltyType: 'Penalty type',
      penaltyContent: 'Penalty',
      fineWan: 'Fine (10,000 yuan)',
      confiscationWan: 'Confiscation (10,000 yuan)',
      licence: 'Licence suspended or revoked',
      decisionDate: 'Decision date',
      publicFrom: 'Display from',
      minUntil: 'Minimum period ends',
      publicUntil: 'Publicity end date',
      agencyName: 'Deciding agency',
      agencyCreditCode: "Agency's credit code",
      dataSource: 'Data source',
      dataSourceCode: "Data source's credit code",
      remarks: 'Remarks'
    },
    caseTitle: 'Publicity of the penalty decision',
    caseHint:
      "A penalty decision is published within 7 working days of the decision; a natural person's ID number, address and phone number are removed (Administrative Penalty Law art. 48, Work Safety Law art. 78).",
    build: 'Generate publicity record',
    rebuild: 'Regenerate',
    rebuilt: 'Publicity record regenerated',
    built: 'Publicity record generated; publish it by {due}',
    noDecision: 'This case has no issued penalty decision yet; once it is issued, the publicity record is generated here.',
    draftOnly: '{title} is not issued yet; issue it before generating the publicity record.',
    decisionLabel: 'Decision published',
    due: 'Publish by',
    dueBy: 'Publish by {date}',
    overdue: 'Overdue',
    redactions: '{n} item(s) of personal data removed',
    noRedactions: 'No personal data found to remove',
    period: 'Display period',
    periodFrom: 'From',
    minUntil: 'Minimum period ends',
    maxUntil: 'Maximum period ends',
    periodHint:
      'Counted from the decision date. No early removal for credit repair before the minimum period ends; taken down when the maximum period ends (NDRC Order No. 58).',
    canRemoveEarly: 'The minimum period is over: the party may apply for early removal (credit repair)',
    publishedOn: 'Published on',
    url: 'Web page',
    notPublished: 'Not published yet',
    withdrawn: 'Withdrawal',
    withdrawnLine: 'Withdrawn on {date}: {reason}',
    supersededBy: 'Replaced by the corrected publicity record',
    withdrawDue: 'The decision was revoked or changed: take the publicity down by {date} (3 working days)',
    record: 'Publicity record (credit-information penalty fields)',
    summary: 'Summary of the decision',
    publish: 'Record publication',
    withdraw: 'Withdraw',
    decisionChanged: 'Record decision revoked or changed',
    publishDialog: {
      title: 'Record publication',
      hint: "After publishing on the agency's website or Credit China, record the date and the web address.",
      publishedOn: 'Published on',
      url: 'Web address',
      urlPlaceholder: 'https://',
      done: 'Publication recorded'
    },
    withdrawDialog: {
      title: 'Withdraw the publicity',
      reason: 'Reason',
      reasonPlaceholder: 'Choose a reason',
      date: 'Withdrawn on',
      note: 'Note',
      notePlaceholder: 'Basis and circumstances of the withdrawal (e.g. reconsideration decision number, credit-repair application)',
      minHint: 'The minimum period ends on {date}; no early removal for credit repair before then.',
      minOk: 'The minimum period ended on {date}; early removal for credit repair is possible.',
      maxHint: 'The maximum period ends on {date}; "maximum period over" applies only after that.',
      done: 'Publicity withdrawn'
    },
    changedDialog: {
      title: 'Decision revoked or changed',
      hint: 'When the decision is revoked or changed (reconsideration, litigation, own correction) or confirmed unlawful or void, published information must be taken down within 3 working days (Administrative Penalty Law art. 48 para. 2).',
      date: 'Date of revocation or change',
      reason: 'Circumstances',
      reasonPlaceholder: 'e.g. revoked by the reconsideration decision of the city government on 2026-12-01',
      done: 'Recorded; take the publicity down by {date}'
    },
    decisionsTitle: 'Publicity of penalty decisions',
    decisionsDesc:
      'Publicity records generated from issued penalty decisions (personal data removed). Records to publish are due within 7 working days of the decision.',
    filterAll: 'All',
    col: {
      number: 'Decision number',
      party: 'Party',
      decisionDate: 'Decided on',
      due: 'Publish by',
      status: 'Status',
      publishedOn: 'Published on',
      case: 'Case'
    },
    openCase: 'Open',
    noRecords: 'No publicity records',
    exportTitle: 'Files for the website',
    exportDesc:
      'Published records inside their display period, in the credit-information fields (CSV and JSON for reporting, HTML to publish).',
    exportCount: '{n} record(s) currently published',
    decisionCsv: '行政处罚决定公示.csv',
    decisionJson: '行政处罚决定公示.json',
    decisionHtml: '行政处罚决定公示.html',
    catalogueTitle: 'Catalogue of major decisions subject to legal review',
    catalogueDesc: 'Generated from the catalogue in force (Settings › Review catalogue), for publication.',
    catalogueCsv: '重大执法决定法制审核目录清单.csv',
    catalogueHtml: '重大执法决定法制审核目录清单.html',
    goCatalogue: 'View or revise the catalogue',
    wbReview: 'Awaiting legal review',
    wbReviewRow: 'Round {round} · reviewer: {reviewer}',
    wbPublicity: 'To publish',
    wbNone: 'None',
    wbDue: 'due {date}'
  },
  catalogue: {
    nav: 'Review catalogue',
    title: 'Catalogue of major enforcement decisions',
    subtitle:
      'Which penalty decisions are major and need legal review (Administrative Penalty Law art. 58). Saving creates a new version; reviews already submitted keep the version they were submitted under.',
    current: 'In force: version {v} “{name}”, effective {from} ({by}, {at})',
    edit: 'Catalogue',
    sections: {
      basic: 'General',
      thresholds: 'Amount thresholds',
      measures: 'Measures that are major',
      other: 'Other cases',
      flags: 'Manual flags',
      discussion: 'Collective discussion required for',
      review: 'Review period and classification'
    },
    fields: {
      name: 'Name',
      effectiveFrom: 'Effective from',
      source: 'Basis',
      fineThreshold: 'Large fine',
      confiscationThreshold: 'Large confiscation',
      hearingThreshold: 'Large amount for hearings',
      org: 'Organisation',
      person: 'Person',
      measures: 'Measures',
      afterHearing: 'Decisions after a hearing',
      benchmarkDeparture: 'Benchmark departure',
      manualFlags: 'Manual flags',
      discussionFor: 'Triggers',
      reviewDays: 'Review period',
      workingDays: 'working days',
      soleCountsAs: 'Sole proprietors count as'
    },
    hints: {
      thresholds:
        'Amounts at or above the threshold are major; the person threshold applies when a party is a natural person (or a sole proprietor counted as a person).',
      hearing: 'The large amount that gives a right to a hearing; may differ from the review threshold.',
      afterHearing: 'A decision in a case that went through a hearing needs legal review',
      benchmarkDeparture: 'A mitigated penalty, or an aggravated one outside the benchmark, needs legal review',
      flags:
        'Other major circumstances the handler or the head may flag on a case (complex facts, several legal relationships, major social impact).',
      discussion:
        'When a case shows one of these triggers, the heads must also discuss it collectively before the decision (Administrative Penalty Law art. 57 para. 2).',
      reviewDays: 'from receipt of complete materials'
    },
    soleAs: { person: 'Person', org: 'Organisation' },
    triggerKinds: {
      fine: 'Large fine',
      confiscation: 'Large confiscation',
      measure: 'Suspension and similar measures',
      hearing: 'After a hearing',
      departure: 'Benchmark departure',
      manual: 'Manual flag'
    },
    measures: {
      stop_production: 'Suspension of production or business',
      stop_construction: 'Stop of construction',
      closure: 'Closure (decided by the government)',
      licence_revoke: 'Licence revoked',
      licence_suspend: 'Licence suspended',
      certificate_revoke: 'Practice or post certificate withdrawn',
      restrict_practice: 'Practice restricted'
    },
    flagCol: { code: 'Code', label: 'Name', description: 'Description' },
    yuan: 'yuan',
    flagCodeHint: 'lower-case letters, digits, underscores',
    addFlag: 'Add flag',
    removeFlag: 'Remove',
    noFlags: 'No manual flags',
    save: 'Save as new version',
    revert: 'Discard changes',
    saved: 'Saved as version {v}',
    history: 'Versions',
    historyCol: { version: 'Version', name: 'Name', effectiveFrom: 'Effective from', createdAt: 'Saved at', createdBy: 'Saved by' },
    inForce: 'In force',
    policyTitle: 'Display periods of penalty decisions',
    policyDesc: 'Counted from the decision date. Work-safety penalties: at least 1 year, at most 3 years (NDRC Order No. 58).',
    policy: {
      minMonths: 'Minimum period',
      maxMonths: 'Maximum period',
      months: 'months',
      publishWarnings: 'Publish warning-only decisions',
      publishWarningsHint: 'When off, warning-only decisions get no publicity record (as market regulation does).'
    },
    policySaved: 'Display periods saved'
  }
}

export default publicityEn
