"""Day-by-day nutrition of a placed plan: energy, macronutrients and timed protein servings.

``days.plan_nutrition`` turns a whole plan into one ``DayNutrition`` a day:
energy from resting expenditure, daily activity and each session (NUT-1),
carbohydrate scaled to the day's training (NUT-4), protein spread in servings
(NUT-2, NUT-3) whose times ``timing`` fits around the sessions and the waking day.
``macros`` splits a day's energy into carbohydrate and fat; ``race`` finds the
goal race and plans its loading days, its breakfast and the fuel during it.

It reads a finished plan, so it sits above the programme; it may import the
programme's baseline, the domain, the science and the base modules; no I/O.
"""
