import { mount } from "svelte";
import App from "./App.svelte";
import { followLanguage } from "./lib/language.svelte";
import "./app.css";

// The language first, so the window does not show English for a moment.
followLanguage().then(() => mount(App, { target: document.getElementById("app")! }));
