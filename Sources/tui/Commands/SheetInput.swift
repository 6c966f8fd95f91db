import ArgumentParser
import Catalog

// A CSV sheet given to a command (`members import`, `credit --sheet`): both read it and
// reject it the same way, so the two commands cannot drift apart in what they print.

/// Reads a CSV file for a command, or says why not and exits with status 2.
func readSheet(_ path: String) throws -> Sheet {
  do {
    return try SheetReader.read(path: path)
  } catch {
    printError(AdminText.csvFailure(error, path: path))
    throw ExitCode(2)
  }
}

/// Prints every problem found in the rows of `file`, then `verdict`, and ends the command
/// with status 1: a sheet is taken all or nothing.
func rejectSheet(_ file: String, problems: [RowProblem], verdict: String) throws -> Never {
  for problem in problems { printError(AdminText.rowProblem(file: file, problem)) }
  printError(verdict)
  throw ExitCode(1)
}
