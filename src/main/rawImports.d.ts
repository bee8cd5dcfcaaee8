// Vite (electron-vite and Vitest) imports a file's text with `?raw`: the update signing key is
// built into main this way (updateSignature.ts).
declare module '*?raw' {
  const text: string;
  export default text;
}
