// Hannah Lee - lab 6
// Brute force: the segment i->j is a fence segment if no tree is on its right side
// (and no tree lies on its line beyond the segment).
// Area = sum of cross(p_i, p_j) / 2 over those segments, perimeter = sum of their lengths.
#include <iostream>
#include <vector>
#include <set>
#include <cmath>
#include <cstdio>
using namespace std;

int main() {
    int n;
    cin >> n;
    set<pair<long long, long long>> s;
    for (int i = 0; i < n; i++) {
        long long x, y;
        cin >> x >> y;
        s.insert({x, y});
    }
    vector<pair<long long, long long>> p(s.begin(), s.end());
    n = p.size();

    double perimeter = 0, area2 = 0;
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
            if (i == j) continue;
            long long dx = p[j].first - p[i].first, dy = p[j].second - p[i].second;
            int bad = 0;
            for (int k = 0; k < n; k++) {
                long long ex = p[k].first - p[i].first, ey = p[k].second - p[i].second;
                long long c = dx * ey - dy * ex;
                if (c < 0) bad++;
                else if (c == 0) {
                    long long dot = dx * ex + dy * ey;
                    if (dot < 0 || dot > dx * dx + dy * dy) bad++;
                }
            }
            if (bad == 0) {
                perimeter += sqrt((double)(dx * dx + dy * dy));
                area2 += (double)(p[i].first * p[j].second - p[j].first * p[i].second);
            }
        }
    }
    printf("%.6f %.1f\n", perimeter, area2 / 2);
    return 0;
}
