// Renders the decision requirements diagram (DRD) of DMN files to PNG with dmn-js's viewer in
// headless Chromium (puppeteer), the DMN counterpart of bpmn-to-image. Called by .ci/render-diagrams:
//
//   node .ci/render-drd.mjs <node-dir> <scale> <model.dmn>:<out.png> ...
//
// <node-dir> holds node_modules with puppeteer and dmn-js; the browser is PUPPETEER_EXECUTABLE_PATH.
// Fails (exit 1) on a file that does not import or whose DRD has no shapes (no DMNDI).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

const [nodeDir, scaleArg, ...conversions] = process.argv.slice(2);
const scale = Number(scaleArg);
if (!nodeDir || !(scale > 0) || conversions.length === 0) {
  console.error('usage: node render-drd.mjs <node-dir> <scale> <model.dmn>:<out.png> ...');
  process.exit(2);
}
const require = createRequire(join(resolve(nodeDir), 'package.json'));
const puppeteer = require('puppeteer');
const viewerScript = require.resolve('dmn-js/dist/dmn-viewer.production.min.js');
const styles = ['diagram-js.css', 'dmn-js-shared.css', 'dmn-js-drd.css']
  .map((file) => require.resolve(`dmn-js/dist/assets/${file}`));

const MARGIN = 20; // white space around the diagram, in diagram units

const browser = await puppeteer.launch({ headless: true });
let input;
try {
  const page = await browser.newPage();
  for (const conversion of conversions) {
    const [model, output] = conversion.split(':');
    input = model;
    await page.setContent('<!DOCTYPE html><html><head><meta charset="UTF-8"><style>'
      + 'html,body{margin:0;padding:0;background:#fff;overflow:hidden;'
      + 'font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}'
      + '#canvas{position:absolute;inset:0}</style></head><body><div id="canvas"></div></body></html>');
    for (const path of styles) {
      await page.addStyleTag({ path });
    }
    // the picture shows the diagram only: no name/id box, no drill-down buttons, no bpmn.io logo
    await page.addStyleTag({ content: '.dmn-definitions, .djs-overlay-container, .bjs-powered-by { display: none !important; }' });
    await page.addScriptTag({ path: viewerScript });
    const box = await page.evaluate(async (xml) => {
      const viewer = new DmnJS({ container: '#canvas' });
      window.viewer = viewer;
      await viewer.importXML(xml);
      const drd = viewer.getViews().find((view) => view.type === 'drd');
      if (!drd) {
        return { error: 'it has no decision requirements diagram (DMNDI), as Camunda Modeler saves it' };
      }
      await viewer.open(drd);
      const shapes = viewer.getActiveViewer().get('elementRegistry')
        .filter((element) => element.parent && !element.waypoints);
      if (shapes.length === 0) {
        return { error: 'its decision requirements diagram has no shapes (DMNDI)' };
      }
      const { x, y, width, height } = viewer.getActiveViewer().get('canvas').viewbox().inner;
      return { x, y, width, height };
    }, readFileSync(input, 'utf8'));
    if (box.error) {
      throw new Error(box.error);
    }
    const width = Math.ceil(box.width + 2 * MARGIN);
    const height = Math.ceil(box.height + 2 * MARGIN);
    await page.setViewport({ width, height, deviceScaleFactor: scale });
    await page.evaluate((viewbox) => {
      const canvas = window.viewer.getActiveViewer().get('canvas');
      canvas.resized();
      canvas.viewbox(viewbox); // 1 diagram unit = 1 CSS pixel, as bpmn-to-image does
    }, { x: box.x - MARGIN, y: box.y - MARGIN, width, height });
    await page.screenshot({ path: output, clip: { x: 0, y: 0, width, height }, omitBackground: false });
    console.log(`writing ${output}`);
  }
} catch (e) {
  console.error(`error: could not render ${basename(input)}: ${e.message ?? e}; no picture was changed`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
