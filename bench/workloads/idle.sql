DO 1;
