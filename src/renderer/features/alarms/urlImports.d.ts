// Vite (electron-vite and Vitest) turns `?url` into the asset's served address (alarmSounds.ts).
declare module '*?url' {
  const url: string;
  export default url;
}
