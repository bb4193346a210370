import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import MainLayout from './layouts/MainLayout.vue'
import PlaceholderView from './views/PlaceholderView.vue'
import PublicityView from './views/PublicityView.vue'
import AgencySettings from './views/settings/AgencySettings.vue'
import OfficersSettings from './views/settings/OfficersSettings.vue'

const routes: RouteRecordRaw[] = [
  {
    path: '/',
    component: MainLayout,
    children: [
      { path: '', redirect: '/workbench' },
      { path: 'workbench', component: PlaceholderView, props: { area: 'workbench' } },
      { path: 'cases', component: PlaceholderView, props: { area: 'cases' } },
      { path: 'documents', component: PlaceholderView, props: { area: 'documents' } },
      { path: 'archive', component: PlaceholderView, props: { area: 'archive' } },
      { path: 'publicity', component: PublicityView },
      { path: 'settings', redirect: '/settings/agency' },
      { path: 'settings/agency', component: AgencySettings },
      { path: 'settings/officers', component: OfficersSettings },
      { path: ':pathMatch(.*)*', redirect: '/workbench' }
    ]
  }
]

export const router = createRouter({ history: createWebHashHistory(), routes })
