# exprel(x) = (e^x - 1)/x correctly rounded, for the inputs of src/core/math/exprel.test.ts
# (Python decimal, 60 digits; the Taylor series for |x| < 1, so nothing cancels near 0):
#   /usr/bin/python3 test/reference/scripts/exprel_reference.py > src/core/math/exprel.reference.json
import decimal, json, math, random
decimal.getcontext().prec = 60
random.seed(17)
D = decimal.Decimal

def exprel(x):
    d = D(x)
    if abs(x) < 1:
        term, total, n = D(1), D(1), 1
        while True:
            term = term * d / (n + 1)
            if abs(term) < D(10) ** -70:
                return total
            total += term
            n += 1
    return (d.exp() - 1) / d

LN2 = math.log(2)
xs = [1e-300, 5e-324, 1e-17, 1e-16, 1e-8, 1e-4, 0.5, 1.0, 2.0, 20.0, 100.0, 700.0, 709.0, 709.78,
      -37.0, -38.0, -40.0, -700.0, -709.0, -710.0, -745.0]
xs += [LN2 / 2, math.nextafter(LN2 / 2, 0), math.nextafter(LN2 / 2, 1), 1.5 * LN2, 2.5 * LN2]
for _ in range(400): xs.append(10 ** random.uniform(-300, -1))          # near 0
for _ in range(300): xs.append(random.uniform(-1, 1) * 1e-8 * random.uniform(0.5, 2))
for _ in range(300): xs.append(random.uniform(0.2, 1.2))               # around the first k = 1
for _ in range(300): xs.append(random.uniform(0, 25))
for _ in range(200): xs.append(random.uniform(0, 709.78))
for _ in range(100): xs.append(random.uniform(700, 709.78))
for _ in range(100): xs.append(random.uniform(1, 100))
out = []
for x in xs:
    for v in (x, -x):
        e = exprel(v)
        if abs(e * D(v)) < D("1.7976931348623157e308"):  # numpy: inf where e^x - 1 overflows
            out.append([v, float(e)])
print(json.dumps(out))
