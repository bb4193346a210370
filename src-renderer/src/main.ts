import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { z } from 'zod'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import './styles.css'
import App from './App.vue'
import { router } from './router'
import { i18n } from './i18n'

// zod's generic messages in Chinese, as on the service side (the core schemas carry their own)
z.config(z.locales.zhCN())

document.documentElement.lang = i18n.global.locale.value

createApp(App).use(createPinia()).use(router).use(i18n).use(ElementPlus).mount('#app')
