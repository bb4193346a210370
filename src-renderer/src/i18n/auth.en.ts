import type authZhCN from './auth.zh-CN'

const authEn: typeof authZhCN = {
  auth: {
    signInTitle: 'Sign in',
    signInIntro: 'Sign in with the account your agency opened for you.',
    login: 'Login',
    password: 'Password',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    loginRequired: 'Enter your login',
    passwordRequired: 'Enter your password',
    demoTitle: 'Demo accounts',
    demoIntro: 'This data home holds the demo data. Sign in with one of these accounts to try each post:',
    demoPassword: 'Demo password (same for every account): {password}',
    demoWarning: 'Demo accounts are for trying the app only; never use them in a real data home.',
    useAccount: 'Use this account',
    colLogin: 'Login',
    colName: 'Name',
    colRoles: 'Roles',
    setupTitle: 'First run',
    setupIntro: 'This is a new data home with no accounts yet. Choose:',
    setupDemoTitle: 'Load the demo data',
    setupDemoHint:
      'A fictional emergency-management bureau with officers, parties and cases at every stage, and a demo account for each post, to get to know the app.',
    setupDemo: 'Load the demo data',
    setupDemoLoading: 'Generating the demo data, about half a minute…',
    setupAdminTitle: 'Create the administrator (real use)',
    setupAdminHint:
      'The administrator opens user accounts and keeps the agency, officers, certificates, review catalogue and templates. Everyone else gets an account from the administrator.',
    setupAdmin: 'Create the administrator and sign in',
    adminName: 'Name',
    password2: 'Confirm password',
    passwordMismatch: 'The passwords do not match',
    passwordRule: 'At least 8 characters, with letters and digits',
    demoLoaded: 'The demo data is loaded',
    goSignIn: 'Go to sign-in',
    lockedTitle: 'Screen locked',
    lockedIntro:
      '{name} has been away for more than {minutes} minutes, so the screen is locked. Unsaved work is still on the page: enter your password to go on.',
    lockedIntroLost: 'The sign-in has ended and the screen is locked. Unsaved work is still on the page: enter your password to go on.',
    unlock: 'Unlock',
    switchUser: 'Sign in as someone else',
    switchUserWarn: 'Signing in as someone else leaves this page; unsaved work will be lost. Go on?',
    menuChangePassword: 'Change password',
    menuLock: 'Lock screen',
    menuSignOut: 'Sign out',
    signedOut: 'Signed out',
    changePasswordTitle: 'Change password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    passwordChanged: 'Password changed'
  }
}

export default authEn
