def about_solution(solution, **extra) -> dict:
    """The template context of a page about a solution: it, its challenge and forløb (for the breadcrumbs)."""
    challenge = solution.challenge
    return {"solution": solution, "challenge": challenge, "process": challenge.process, **extra}
