package picture

// WriteFile lets the tests make an encoder fail halfway.
var WriteFile = writeFile
