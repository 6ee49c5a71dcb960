import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { reportUnexpectedError, watchWindowErrors } from './components/errors/unexpectedErrors';
import './styles.css';

watchWindowErrors();
const app = createApp(App);
// Errors thrown inside components, watchers and event handlers: shown in the banner, kept in the console.
app.config.errorHandler = (error) => {
  console.error(error);
  reportUnexpectedError(error);
};
app.use(createPinia()).mount('#app');
