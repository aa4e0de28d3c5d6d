// How the builder pages print dates: UTC, like the Opens/Closes (UTC) fields.
export const utcDateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
