import "./.scratch.mjs";
const [file, name] = process.argv.slice(2);
console.log(JSON.stringify(globalThis.docs[file].components.schemas[name], null, 1).slice(0, 3000));
