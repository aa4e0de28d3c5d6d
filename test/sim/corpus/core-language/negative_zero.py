# -0.0 keeps its sign through arithmetic, repr, str, %-formatting and format specs (JS's
# toFixed drops it: "%.1f" % -0.0 printed 0.0).
a = -0.0
print(a, [a], (a,), str(a), repr(a), f"{a}", a * 1, 0.0 * -1, -a, abs(a))
print(max(-0.0, 0.0), min(0.0, -0.0), -1 * 0.0, 0.0 / -1, -0.0 // 1, -0.0 % 1, divmod(-0.0, 1), int(-0.0))
print(-0.5 // 1, 0.5 % -1, -1.0 % 1, (-0.0) ** 1, -(0.0), 5 % -5.0, -5 % 5.0, 0.0 * -5, -0.0 * 0)
x = 0.0
x *= -1
print(x, x == 0, x < 0, {x: 1}, sum([-0.0]), sum([-0.0, -0.0]), -0.0 ** 2, (-0.0) ** 2, (-0.0) ** 3)
print(f"{-0.0:.2f}", "%s" % -0.0, "%.1f" % -0.0, format(-0.0, ".3f"), round(-0.0), round(-0.0, 2), float(-0.0), -0.0 == 0.0)
t = -1e-400
print(t, 1e-400 * -1, -0.0 + 0, 0 + -0.0, -0.0 - 0, 0 * -1.0, -1 * 0.0, -0 * 1.0)
y = 0.0
y = -y
z = [y, -y]
print(y, z, min(z), sorted([0.0, -0.0]), str(-0.0), float(str(-0.0)), -0.0 * -0.0, round(-0.001, 2), round(-0.0001, 1))
print("{}".format(-0.0), "{:.0f}".format(-0.0), "{:+}".format(-0.0), "%+.2f" % -0.0, "%5.1f|" % -0.0, "%.1f" % -0.04)
print(round(-0.4), round(-0.4, 1), -0.0 + 0.0, -0.0 - 0.0, float("-0"), float("-0.0"))
print(-0.0 // -1, 0.0 // -1, -0.0 % -1, 0.0 % -1, 3.0 % -3, -3.0 % 3, divmod(-0.0, -1), divmod(0.0, -1))
