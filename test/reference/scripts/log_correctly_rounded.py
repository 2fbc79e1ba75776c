# Correctly rounded ln(x) for the inputs of src/core/math/log.test.ts (Python decimal, 60 digits):
#   /usr/bin/python3 test/reference/scripts/log_correctly_rounded.py > src/core/math/log.reference.json
import decimal, random, struct, json
decimal.getcontext().prec = 60
random.seed(7)
xs = [1.0, 2.0, 0.5, 10.0, 0.1, 1e-300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
      1.0000000000000002, 0.9999999999999999, 1.4142135623730951, 1.4142135623730950, 0.7071067811865476,
      1.0 + 2**-30, 1.0 - 2**-30, 1.001, 0.999, 3.0, 1e10, 1e-10, 123.456]
for _ in range(300): xs.append(random.uniform(0.5, 2.0))
for _ in range(300): xs.append(10 ** random.uniform(-300, 300))
for _ in range(100): xs.append(1 + random.uniform(-1e-4, 1e-4))
for _ in range(50): xs.append(random.uniform(0, 1) * 2.2250738585072014e-308)
out = []
for x in xs:
    if x <= 0: continue
    v = float(decimal.Decimal(x).ln())
    out.append([x, v])
print(json.dumps(out))
