// The few numerical functions the classifiers need, written with + − × ÷ only (and ldexp,
// which is exact for the normal results we allow), so that glibc's and musl's libm cannot
// make native and wasm models or confidences differ by one ulp.
#pragma once

#include <cmath>
#include <vector>

namespace inspectonce::classify::detail {

// e^x for x ≤ 0 (softmax after subtracting the maximum): range reduction by ln 2 and a
// degree-13 Taylor polynomial on |r| ≤ 0.35 (error far below the thousandths we print).
inline double expNonPositive(double x) {
    if (x < -700.0) return 0.0;  // keeps ldexp's result a normal number
    const double ln2Hi = 6.93147180369123816490e-01, ln2Lo = 1.90821492927058770002e-10;
    double k = std::floor(x * 1.44269504088896338700 + 0.5);
    double r = (x - k * ln2Hi) - k * ln2Lo;
    double sum = 1.0;
    for (int n = 13; n >= 1; --n) sum = 1.0 + sum * r / n;
    return std::ldexp(sum, static_cast<int>(k));
}

// Probabilities from scores, in place.
inline void softmax(std::vector<double>& scores) {
    double max = scores[0];
    for (double s : scores) max = s > max ? s : max;
    double total = 0.0;
    for (double& s : scores) {
        s = expNonPositive(s - max);
        total += s;
    }
    for (double& s : scores) s /= total;
}

}  // namespace inspectonce::classify::detail
