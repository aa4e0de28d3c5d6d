import { expect, test } from "@playwright/test";
import { createCourse, joinCourse, person, signIn, signOut, signUp } from "./helpers";

test("an instructor creates a course and a student joins it with the code", async ({ page }) => {
  const teacher = person("Teacher");
  await signUp(page, teacher, { instructor: true });
  await expect(page.getByText("You are signed in as an instructor.")).toBeVisible();
  const course = await createCourse(page, "Memory in Python, week 1", "3.13");
  await expect(page.getByText("CPython 3.13")).toBeVisible();
  await expect(page.getByTestId("roster-count")).toHaveText("0 students enrolled");
  await signOut(page);

  const student = person("Student");
  await signUp(page, student);
  // Typed the way people do: lower case, with a space in the middle.
  await joinCourse(page, `${course.code.slice(0, 4).toLowerCase()} ${course.code.slice(4)}`);
  await expect(page.getByRole("heading", { name: "Memory in Python, week 1" })).toBeVisible();
  await expect(page.getByText("You joined Memory in Python, week 1.")).toBeVisible();
  await expect(page.getByTestId("enrolled-as")).toHaveText("You are enrolled as a student.");
  await expect(page.getByTestId("join-code")).toHaveCount(0); // the code is the instructors' to share

  // Joining again is harmless: same course, no second enrolment.
  await joinCourse(page, course.code);
  await expect(page).toHaveURL(course.url.replace(/\?.*$/, ""));
  const list = await page.request.get("/api/courses");
  expect(list.status()).toBe(200);
  const body = (await list.json()) as { courses: { title: string; courseRole: string; joinCode: string | null }[] };
  expect(body.courses).toEqual([expect.objectContaining({ title: "Memory in Python, week 1", courseRole: "STUDENT", joinCode: null })]);
  await signOut(page);

  await signIn(page, teacher);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto(course.url);
  await expect(page.getByTestId("roster-count")).toHaveText("1 student enrolled");
});

test("a wrong join code is a field error, and a closed code stops new students", async ({ page, browser }) => {
  const teacher = person("Closer");
  await signUp(page, teacher, { instructor: true });
  const course = await createCourse(page, "Closed course");
  await page.getByRole("button", { name: "Close the join code" }).click();
  await expect(page.getByText("The join code is closed: nobody new can join.")).toBeVisible();

  const context = await browser.newContext();
  const other = await context.newPage();
  await signUp(other, person("Late"));
  await joinCourse(other, "ZZZZ2222");
  await expect(other.locator("#code-error")).toHaveText("No course takes this join code. Check it with your instructor.");
  await joinCourse(other, course.code);
  await expect(other.locator("#code-error")).toHaveText("No course takes this join code. Check it with your instructor.");
  await joinCourse(other, "12");
  await expect(other.locator("#code-error")).toContainText("A join code is 8 letters and digits");
  await context.close();
});

test("the courses API: instructors create with a join code, anyone signed in joins", async ({ page, browser }) => {
  await signUp(page, person("ApiTeacher"), { instructor: true });
  const created = await page.request.post("/api/courses", { data: { title: "Created over the API", pythonVersion: "3.10" } });
  expect(created.status()).toBe(201);
  const { course } = (await created.json()) as { course: { id: string; joinCode: string; pythonVersion: string } };
  expect(course.pythonVersion).toBe("3.10");

  const bad = await page.request.post("/api/courses", { data: { title: "x", pythonVersion: "2.7" } });
  expect(bad.status()).toBe(400);
  const badBody = (await bad.json()) as { error: string; issues: { path: string }[] };
  expect(badBody.error).toBe("invalid");
  expect(badBody.issues.map((i) => i.path).sort()).toEqual(["pythonVersion", "title"]);

  const malformed = await page.request.post("/api/courses", { headers: { "content-type": "application/json" }, data: Buffer.from("{not json") });
  expect(malformed.status()).toBe(400);
  expect(await malformed.json()).toMatchObject({ error: "invalid", message: "The request body is not valid JSON." });

  const context = await browser.newContext();
  const student = await context.newPage();
  await signUp(student, person("ApiStudent"));
  const joined = await student.request.post("/api/courses/join", { data: { code: course.joinCode } });
  expect(joined.status()).toBe(201);
  expect(await joined.json()).toMatchObject({ courseId: course.id, alreadyEnrolled: false });
  const again = await student.request.post("/api/courses/join", { data: { code: course.joinCode } });
  expect(again.status()).toBe(200);
  expect(await again.json()).toMatchObject({ courseId: course.id, alreadyEnrolled: true });
  await context.close();
});
