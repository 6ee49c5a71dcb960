import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { provideMeasuringPort } from './viewer/tools/measuringPort';
import { storeMeasuringPort } from './stores/measuringPort';
import { reportUnexpectedError, watchWindowErrors } from './components/errors/unexpectedErrors';
import './styles.css';

watchWindowErrors();
const app = createApp(App);
// Errors thrown inside components, watchers and event handlers: shown in the banner, kept in the console.
app.config.errorHandler = (error) => {
  console.error(error);
  reportUnexpectedError(error);
};
app.use(createPinia());
// The viewer's measuring tools reach the stores only through this port.
provideMeasuringPort(storeMeasuringPort());
app.mount('#app');
