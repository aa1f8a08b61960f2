import { mount } from 'svelte';
import App from './App.svelte';
import { start } from './lib/ui/app.svelte';
import './app.css';

start();
export default mount(App, { target: document.getElementById('app')! });
