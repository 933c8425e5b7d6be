export function App() {
  return <main><h1>Gather</h1></main>;
}
