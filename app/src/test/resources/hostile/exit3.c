/* Plain non-zero exit. */
int main(void) { return 3; }
