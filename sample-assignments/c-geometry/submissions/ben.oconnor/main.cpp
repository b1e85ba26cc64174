// Ben O'Connor - Lab 6
// Graham scan around the lowest point, sorting by cross product (no atan2!)
#include <bits/stdc++.h>
using namespace std;

typedef long long ll;
struct P { ll x, y; };

ll cross(const P& o, const P& a, const P& b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}
ll dist2(const P& a, const P& b) {
    return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y);
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<P> p(n);
    for (auto& q : p) cin >> q.x >> q.y;

    // pivot = lowest, then leftmost
    swap(p[0], *min_element(p.begin(), p.end(), [](const P& a, const P& b) {
        return a.y < b.y || (a.y == b.y && a.x < b.x);
    }));
    P o = p[0];
    sort(p.begin() + 1, p.end(), [&](const P& a, const P& b) {
        ll c = cross(o, a, b);
        if (c != 0) return c > 0;
        return dist2(o, a) < dist2(o, b);
    });

    vector<P> h;
    for (auto& q : p) {
        while (h.size() >= 2 && cross(h[h.size() - 2], h.back(), q) <= 0) h.pop_back();
        // skip duplicates of the pivot
        if (h.size() == 1 && q.x == h[0].x && q.y == h[0].y) continue;
        h.push_back(q);
    }

    double per = 0;
    ll a2 = 0;
    int m = h.size();
    for (int i = 0; i < m; i++) {
        const P& a = h[i];
        const P& b = h[(i + 1) % m];
        per += sqrt((double)dist2(a, b));
        a2 += a.x * b.y - a.y * b.x;
    }
    cout << fixed << setprecision(9) << per << " " << llabs(a2) / 2.0 << "\n";
    return 0;
}
