import type usersZhCN from './users.zh-CN'

const usersEn: typeof usersZhCN = {
  usersAdmin: {
    nav: 'Users and roles',
    title: 'Users and roles',
    subtitle:
      "The agency's CaseBinder sign-in accounts. An account may hold one or more roles; case handlers and legal reviewers should be linked to their own officer record to work on their cases.",
    empty: 'No user accounts yet',
    columns: {
      login: 'Login',
      name: 'Name',
      roles: 'Roles',
      officer: 'Linked officer',
      status: 'Status'
    },
    state: {
      active: 'Active',
      inactive: 'Deactivated',
      locked: 'Locked until {time}'
    },
    lockedHint: 'Locked after {n} wrong passwords in a row; the lock ends by itself at that time. Resetting the password ends it at once.',
    you: ' (you)',
    noOfficer: 'Not linked',
    officerInactive: ' (deactivated)',
    resetPassword: 'Reset password',
    deactivate: 'Deactivate',
    reactivate: 'Reactivate',
    deactivateTitle: 'Deactivate account',
    deactivateConfirm:
      '{name} ({login}) will no longer be able to sign in to CaseBinder. Their cases and records are not affected. Deactivate?',
    deactivateSelf: 'This is the account you are signed in with; once it is deactivated you cannot sign in again. Deactivate?',
    deactivated: 'Account {login} deactivated',
    reactivated: 'Account {login} reactivated',
    addTitle: 'New user',
    editTitle: 'Edit user',
    added: 'User {login} added',
    fields: {
      login: 'Login',
      name: 'Name',
      roles: 'Roles',
      officer: 'Linked officer',
      password: 'Initial password',
      password2: 'Confirm password'
    },
    hints: {
      login: 'Used to sign in: letters, digits, dot, underscore and hyphen. It cannot be changed later.',
      officer:
        'Case handlers and legal reviewers should be linked to their own officer record; admins and clerks may have none. An officer can be linked to one account only.',
      password: 'At least 8 characters with both letters and digits. Ask the user to change it after the first sign-in.',
      loginFixed: 'The login cannot be changed.'
    },
    officerPlaceholder: 'No linked officer',
    officerTaken: 'Linked to account {login}',
    passwordMismatch: 'The two passwords do not match',
    roleHints: {
      admin: 'Manages user accounts, the agency, signing certificates, the legal review catalogue and document templates',
      handler: 'Handles cases, drafts documents and investigates',
      reviewer: 'Legal review of major enforcement decisions',
      head: 'Approvals, collective discussion and coordination',
      archivist: 'Seals and archives dossiers',
      clerk: 'Registration, drafting and service; no approvals'
    },
    reset: {
      title: 'Reset password',
      intro:
        'Set a new password for {name} ({login}). The old password stops working at once and any sign-in lock is lifted. Ask the user to change it after the first sign-in.',
      password: 'New password',
      password2: 'Confirm password',
      hint: 'At least 8 characters with both letters and digits.',
      done: 'Password of {login} reset'
    },
    idle: {
      title: 'Idle lock',
      label: 'Lock after',
      unit: 'minutes',
      hint: 'After this long without any input the screen locks and the password must be entered again; unsaved work is kept. 5 to 480 minutes.',
      saved: 'Idle lock set to {n} minutes'
    }
  },
  connection: {
    nav: 'Connection',
    title: 'Connection',
    intro:
      "Choose the data this window works on: this computer's data folder (one desk), or the bureau server (shared, the data kept on the server).",
    where: 'Data',
    local: 'This computer',
    server: 'Bureau server',
    url: 'Server address',
    urlPlaceholder: 'e.g. https://casebinder.bureau.lan:8443',
    serverHint:
      "Once connected, this window shows the server's pages: sign in with your account on the server. This computer's data folder stays as it is; the Connection menu switches back at any time.",
    save: 'Save and restart',
    restarting: 'Saved: CaseBinder is restarting on the new connection…'
  }
}

export default usersEn
