import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import MainLayout from './layouts/MainLayout.vue'
import PlaceholderView from './views/PlaceholderView.vue'
import PublicityView from './views/PublicityView.vue'
import AgencySettings from './views/settings/AgencySettings.vue'
import OfficersSettings from './views/settings/OfficersSettings.vue'
import CalendarSettings from './views/settings/CalendarSettings.vue'
import DeadlineRulesSettings from './views/settings/DeadlineRulesSettings.vue'
import TemplatesSettings from './views/settings/TemplatesSettings.vue'
import DocumentView from './views/documents/DocumentView.vue'
import WorkbenchView from './views/WorkbenchView.vue'
import CaseListView from './views/cases/CaseListView.vue'
import CaseFormView from './views/cases/CaseFormView.vue'
import CaseDetailView from './views/cases/CaseDetailView.vue'
import ArchiveView from './views/archive/ArchiveView.vue'
import SigningSettings from './views/settings/SigningSettings.vue'
import ReviewCatalogueSettings from './views/settings/ReviewCatalogueSettings.vue'
import UsersSettings from './views/settings/UsersSettings.vue'
import ConnectionSettings from './views/settings/ConnectionSettings.vue'

const routes: RouteRecordRaw[] = [
  {
    path: '/',
    component: MainLayout,
    children: [
      { path: '', redirect: '/workbench' },
      { path: 'workbench', component: WorkbenchView },
      { path: 'cases', component: CaseListView },
      { path: 'cases/new', component: CaseFormView },
      { path: 'cases/:id(\\d+)', component: CaseDetailView },
      { path: 'documents', component: PlaceholderView, props: { area: 'documents' } },
      { path: 'documents/:id(\\d+)', component: DocumentView },
      { path: 'archive', component: ArchiveView },
      { path: 'publicity', component: PublicityView },
      { path: 'settings', redirect: '/settings/agency' },
      { path: 'settings/agency', component: AgencySettings },
      { path: 'settings/officers', component: OfficersSettings },
      { path: 'settings/calendar', component: CalendarSettings },
      { path: 'settings/rules', component: DeadlineRulesSettings },
      { path: 'settings/templates', component: TemplatesSettings },
      { path: 'settings/signing', component: SigningSettings },
      { path: 'settings/review-catalogue', component: ReviewCatalogueSettings },
      { path: 'settings/users', component: UsersSettings },
      { path: 'settings/connection', component: ConnectionSettings },
      { path: ':pathMatch(.*)*', redirect: '/workbench' }
    ]
  }
]

export const router = createRouter({ history: createWebHashHistory(), routes })
