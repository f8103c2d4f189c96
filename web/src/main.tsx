/** Entry point of the dashboard bundle: mounts the page into `#app`. */
import { render } from "preact";
import { Dashboard } from "./dashboard.js";
import "./styles.css";

const root = document.getElementById("app");
if (root) render(<Dashboard />, root);
