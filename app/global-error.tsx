"use client";
// Replaces the root layout when the layout itself fails, so it brings its own <html> and <body>
// (and its own minimal styling: the layout's stylesheet may be what failed).
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: "32rem", margin: "4rem auto", padding: "0 1rem", textAlign: "center" }}>
        <h1>Heapwise is having trouble</h1>
        <p>The page could not be shown. Try again in a moment.</p>
        {error.digest ? <p style={{ fontFamily: "monospace", fontSize: "0.75rem" }}>reference {error.digest}</p> : null}
        <button type="button" onClick={reset}>
          Try again
        </button>
      </body>
    </html>
  );
}
